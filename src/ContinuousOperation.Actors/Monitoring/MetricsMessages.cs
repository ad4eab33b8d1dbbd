using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Actors.Monitoring;

/// <summary>Adds to a trading counter; sent by traders (and the stream consumer) as things happen.</summary>
public sealed record CountTrading(TradingCounter Counter, long Amount = 1);

/// <summary>An error observed anywhere in the run.</summary>
public sealed record ReportError(ErrorKind Kind, ErrorSeverity Severity, string Source, string Message);

/// <summary>Asks the metrics actor for a <see cref="MetricsSnapshot"/> (it takes a final resource sample first).</summary>
public sealed record GetMetricsSnapshot
{
    public static readonly GetMetricsSnapshot Instance = new();
}

