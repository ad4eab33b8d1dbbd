namespace ContinuousOperation.Domain.Monitoring;

/// <summary>Raw counters read from the process at one instant. A <see cref="ResourceSample"/> is derived from two
/// consecutive readings, because CPU usage only exists as a rate over an interval. <see cref="GcPauseTotal"/> is the
/// time the GC has paused the process since it started.</summary>
public sealed record ResourceReading(
    DateTimeOffset At,
    TimeSpan TotalProcessorTime,
    long WorkingSetBytes,
    long ManagedHeapBytes,
    int Gen0Collections,
    int Gen1Collections,
    int Gen2Collections,
    int ThreadCount,
    int ProcessorCount,
    TimeSpan GcPauseTotal = default,
    int ThreadPoolThreads = 0)
{
    private const double BytesPerMb = 1024d * 1024d;

    /// <summary>The sample for the interval from <paramref name="previous"/> to this reading, with what the actor
    /// system and the counters add to it.</summary>
    public ResourceSample SampleSince(
        ResourceReading previous, DateTimeOffset runStartedAt, long busiestMailbox = 0, ActivityCounts? activity = null)
    {
        var cpu = CpuUsage.Between(previous, this);
        return new ResourceSample(
            At, At - runStartedAt, WorkingSetBytes / BytesPerMb, ManagedHeapBytes / BytesPerMb,
            Gen0Collections, Gen1Collections, Gen2Collections, cpu.PercentOfMachine, cpu.PercentOfCore, ThreadCount,
            GcPauseTotal.TotalMilliseconds, ThreadPoolThreads, busiestMailbox, activity);
    }
}
