namespace ContinuousOperation.Domain.Comparison;

/// <summary>A file is not a readable continuous-operation report; the message says which file and why, in one line.</summary>
public sealed class InvalidReportException(string message) : Exception(message);
