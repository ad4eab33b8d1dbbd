namespace ContinuousOperation.Domain.Monitoring;

/// <summary>
/// Aggregates errors into one <see cref="ErrorSummary"/> per (kind, severity, source). Its size is bounded whatever
/// the run length or error rate: once <c>maxGroups</c> groups exist, errors from new sources are counted in one
/// <see cref="OtherSources"/> group per kind and severity, and messages are truncated.
/// </summary>
public sealed class ErrorLog
{
    public const string OtherSources = "(other sources)";

    private readonly Dictionary<(ErrorKind Kind, ErrorSeverity Severity, string Source), ErrorSummary> groups = [];
    private readonly int maxGroups;
    private readonly int maxMessageLength;

    public ErrorLog(int maxGroups = 200, int maxMessageLength = 500)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxGroups);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxMessageLength);
        this.maxGroups = maxGroups;
        this.maxMessageLength = maxMessageLength;
    }

    /// <summary>Errors that count against the run (all but <see cref="ErrorSeverity.Injected"/> ones).</summary>
    public long Counted { get; private set; }

    public void Record(ErrorRecord error)
    {
        var key = (error.Kind, error.Severity, error.Source);
        if (!groups.ContainsKey(key) && groups.Count >= maxGroups)
        {
            key = (error.Kind, error.Severity, OtherSources);
        }

        var message = error.Message.Length <= maxMessageLength ? error.Message : error.Message[..maxMessageLength] + "…";
        groups[key] = groups.TryGetValue(key, out var summary)
            ? summary with
            {
                Count = summary.Count + 1,
                FirstAt = error.At < summary.FirstAt ? error.At : summary.FirstAt,
                LastAt = error.At > summary.LastAt ? error.At : summary.LastAt,
                LastMessage = message,
            }
            : new ErrorSummary(key.Kind, key.Severity, key.Source, 1, error.At, error.At, message);
        if (error.Severity.CountsAgainstRun()) Counted++;
    }

    /// <summary>Critical groups first, then the most frequent; ties broken by kind and source so the order is stable.</summary>
    public IReadOnlyList<ErrorSummary> Summaries() =>
        groups.Values
            .OrderByDescending(s => s.Severity)
            .ThenByDescending(s => s.Count)
            .ThenBy(s => s.Kind)
            .ThenBy(s => s.Source, StringComparer.Ordinal)
            .ToArray();
}
