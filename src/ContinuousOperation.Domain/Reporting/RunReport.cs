using ContinuousOperation.Domain.Criteria;
using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Domain.Reporting;

/// <summary>
/// The run's report. Property order is the JSON order: the seed format's five keys come first, unchanged, so tools
/// written against it keep working; everything after <see cref="Success"/> is additional detail.
/// Names are written in snake_case by the report writer. <see cref="MemoryTrend"/>, <see cref="Latencies"/> and
/// <see cref="Faults"/> are null in reports built before they existed; <see cref="Segments"/> is null unless the run
/// was resumed, <see cref="Cluster"/> unless it ran on a cluster; <see cref="Pace"/> is null where the run's pace was not
/// tracked (older reports, cluster runs).
/// </summary>
public sealed record RunReport(
    string TestType,
    double DurationHours,
    bool ConsistencyValid,
    ReportMetrics Metrics,
    bool Success,
    bool Interrupted,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    IReadOnlyList<CriterionResult> Criteria,
    ConsistencySection Consistency,
    IReadOnlyList<ErrorSummary> ErrorAnalysis,
    ReportConfiguration Configuration,
    IReadOnlyList<ResourceEntry> Resources,
    MemoryTrendSection? MemoryTrend = null,
    IReadOnlyDictionary<string, LatencySummary>? Latencies = null,
    FaultSection? Faults = null,
    SegmentsSection? Segments = null,
    ClusterSection? Cluster = null,
    PaceSection? Pace = null);

/// <summary>The seed format's <c>metrics</c> object. Memory is the process working set; CPU is percent of the machine.</summary>
public sealed record ReportMetrics(
    double UptimeHours,
    long TotalErrors,
    double ErrorRatePerHour,
    double AverageMemoryMb,
    double PeakMemoryMb,
    double AverageCpuPercent,
    long PositionsOpened,
    long PositionsClosed,
    long OrdersPlaced,
    long OrdersFilled,
    long OrdersCancelled,
    long WebsocketReconnects,
    long DatabaseErrors,
    long ApiErrors);

/// <summary>One resource sample as reported; elapsed time in seconds since the run started. The fields after
/// <see cref="ThreadCount"/> came later: reports written before them read back as zero and a null activity (and null
/// latencies).</summary>
public sealed record ResourceEntry(
    DateTimeOffset At,
    double ElapsedSeconds,
    double WorkingSetMb,
    double ManagedHeapMb,
    int Gen0Collections,
    int Gen1Collections,
    int Gen2Collections,
    double CpuPercentOfMachine,
    double CpuPercentOfCore,
    int ThreadCount,
    double GcPauseMs = 0,
    int ThreadPoolThreads = 0,
    long BusiestMailbox = 0,
    ActivityCounts? Activity = null,
    IReadOnlyDictionary<string, LatencySummary>? Latencies = null)
{
    public static ResourceEntry From(ResourceSample s) => new(
        s.At, s.Elapsed.TotalSeconds, s.WorkingSetMb, s.ManagedHeapMb, s.Gen0Collections, s.Gen1Collections,
        s.Gen2Collections, s.CpuPercentOfMachine, s.CpuPercentOfCore, s.ThreadCount,
        s.GcPauseMs, s.ThreadPoolThreads, s.BusiestMailbox, s.Activity, s.Latencies);

    /// <summary>The sample again, as a resumed run reads the earlier segments' samples back from the samples file.</summary>
    public ResourceSample ToSample() => new(
        At, TimeSpan.FromSeconds(ElapsedSeconds), WorkingSetMb, ManagedHeapMb, Gen0Collections, Gen1Collections,
        Gen2Collections, CpuPercentOfMachine, CpuPercentOfCore, ThreadCount, GcPauseMs, ThreadPoolThreads, BusiestMailbox,
        Activity, Latencies);
}
