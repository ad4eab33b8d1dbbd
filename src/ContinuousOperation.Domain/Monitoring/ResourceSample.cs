namespace ContinuousOperation.Domain.Monitoring;

/// <summary>One resource reading of the process. CPU is averaged over the interval since the previous sample,
/// as a percent of the whole machine (all cores) and of one core.</summary>
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
    int ThreadCount);
