namespace ContinuousOperation.Domain.Monitoring;

/// <summary>What the metrics actor knows at a point in time; the report and the criteria are computed from it.
/// <see cref="RunDuration"/> is the planned length of the run (null when unknown): samples after it were taken during
/// drain and reconciliation. <see cref="Latencies"/> summarises each latency histogram of the run's meter by name;
/// <see cref="Activity"/> is what each symbol traded (null in snapshots that did not track it); <see cref="Pace"/>
/// the stretches in which the run fell behind its speed (null where not tracked).</summary>
public sealed record MetricsSnapshot(
    DateTimeOffset StartedAt,
    TimeSpan Elapsed,
    IReadOnlyDictionary<TradingCounter, long> Counters,
    IReadOnlyList<ResourceSample> Samples,
    IReadOnlyList<ErrorSummary> Errors,
    TimeSpan? RunDuration = null,
    IReadOnlyDictionary<string, LatencySummary>? Latencies = null,
    TradingActivity? Activity = null,
    PaceRecord? Pace = null)
{
    /// <summary>Samples of the run proper. Those taken after the planned end cover the drain and the reconciliation,
    /// which load the process in a way the soak is not about (the memory trend leaves them out too); all samples when
    /// none was taken before the end.</summary>
    public IReadOnlyList<ResourceSample> RunSamples =>
        RunDuration is { } end && Samples.Any(s => s.Elapsed <= end) ? Samples.Where(s => s.Elapsed <= end).ToArray() : Samples;

    public long Counter(TradingCounter counter) => Counters.TryGetValue(counter, out var value) ? value : 0;

    /// <summary>Every occurrence of the kind, injected or not: the seed's <c>database_errors</c> and <c>api_errors</c>
    /// count what happened to the database and the API, whatever caused it.</summary>
    public long ErrorCount(ErrorKind kind) => Errors.Where(e => e.Kind == kind).Sum(e => e.Count);

    /// <summary>Errors that count against the run: everything but those explained by an injected fault.</summary>
    public long TotalErrors => Errors.Where(e => e.Severity.CountsAgainstRun()).Sum(e => e.Count);

    public long CriticalErrors => Errors.Where(e => e.Severity == ErrorSeverity.Critical).Sum(e => e.Count);
}
