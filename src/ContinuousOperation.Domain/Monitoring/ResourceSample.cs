namespace ContinuousOperation.Domain.Monitoring;

/// <summary>One resource reading of the process. CPU is averaged over the interval since the previous sample,
/// as a percent of the whole machine (all cores) and of one core. <see cref="GcPauseMs"/> is cumulative since the
/// process started; <see cref="BusiestMailbox"/> is the largest mailbox backlog seen among the run's actors (0 where
/// not measurable). <see cref="Activity"/> carries the cumulative business counters at the time of the sample, so
/// throughput over time can be drawn from the series alone. <see cref="Latencies"/> summarises, per latency of
/// <see cref="LatencyInstruments.Shown"/>, what was measured in the interval since the previous sample (null when
/// nothing was), so latency over time can be drawn too.</summary>
public sealed record ResourceSample(
    DateTimeOffset At,
    TimeSpan Elapsed,
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
    IReadOnlyDictionary<string, LatencySummary>? Latencies = null);

/// <summary>Cumulative counts at the time of a sample.</summary>
public sealed record ActivityCounts(long OrdersPlaced, long FillsApplied, long Errors, long FaultsInjected);
