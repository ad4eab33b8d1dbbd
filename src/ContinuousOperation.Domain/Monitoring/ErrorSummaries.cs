namespace ContinuousOperation.Domain.Monitoring;

public static class ErrorSummaries
{
    /// <summary>Groups of errors from several accounts (segments of a resumed run, nodes of a cluster) as one account:
    /// groups of the same kind, severity and source add up; most severe, then most frequent, first.</summary>
    public static IReadOnlyList<ErrorSummary> Merge(IEnumerable<ErrorSummary> errors) => errors
        .GroupBy(e => (e.Kind, e.Severity, e.Source))
        .Select(g => g.Aggregate((a, b) => a with
        {
            Count = a.Count + b.Count,
            FirstAt = a.FirstAt < b.FirstAt ? a.FirstAt : b.FirstAt,
            LastAt = a.LastAt > b.LastAt ? a.LastAt : b.LastAt,
            LastMessage = a.LastAt > b.LastAt ? a.LastMessage : b.LastMessage,
        }))
        .OrderByDescending(s => s.Severity).ThenByDescending(s => s.Count).ThenBy(s => s.Kind)
        .ThenBy(s => s.Source, StringComparer.Ordinal)
        .ToArray();
}
