namespace ContinuousOperation.Domain.Reporting.Charts;

/// <summary>
/// The stretch of a run its charts show, and the part of it the memory trend was fitted on. Samples after the planned
/// end (<see cref="EndSeconds"/>: the duration, plus the downtime of a resumed run) were taken during drain and
/// reconciliation, which load the process in a way the soak is not about: drawn, they end every chart with a spike
/// (CPU above 100 % of a core, a GC pause per minute extrapolated from a burst). The criteria leave them out too.
/// </summary>
/// <param name="WarmUpFromSeconds">Where the process whose memory was judged started: 0, or a resumed run's last
/// segment, since each restart starts memory afresh.</param>
/// <param name="TrendFromSeconds">The end of that process's warm-up, where the memory trend starts.</param>
public sealed record RunWindow(double EndSeconds, double WarmUpFromSeconds, double TrendFromSeconds)
{
    public static RunWindow Of(RunReport report)
    {
        var end = report.DurationHours * 3600 + (report.Segments?.DowntimeSeconds ?? 0);
        var lastStart = report.Segments is { Segments.Count: > 0 } segments
            ? (segments.Segments[^1].StartedAt - report.StartedAt).TotalSeconds
            : 0;
        return new RunWindow(end, lastStart, lastStart + (report.MemoryTrend?.WarmUpSeconds ?? 0));
    }

    /// <summary>The samples up to the planned end; all of them when none was taken before it (a report without a
    /// duration, say), as the criteria do.</summary>
    public IReadOnlyList<ResourceEntry> Charted(IReadOnlyList<ResourceEntry> samples) =>
        samples.Any(s => s.ElapsedSeconds <= EndSeconds) ? samples.Where(s => s.ElapsedSeconds <= EndSeconds).ToArray() : samples;

    /// <summary>The samples the memory trend was fitted on: after the warm-up, up to the planned end.</summary>
    public IReadOnlyList<ResourceEntry> Judged(IReadOnlyList<ResourceEntry> samples) =>
        samples.Where(s => s.ElapsedSeconds >= TrendFromSeconds && s.ElapsedSeconds <= EndSeconds).ToArray();
}
