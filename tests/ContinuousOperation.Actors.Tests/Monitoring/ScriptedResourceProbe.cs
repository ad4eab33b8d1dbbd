using Akka.Actor;
using ContinuousOperation.Actors.Monitoring;
using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Actors.Tests.Monitoring;

/// <summary>
/// A deterministic clock and process: the clock advances one minute each time it is read (through <see cref="Now"/>
/// or <see cref="Read"/>), the process burns 30 s of CPU per reading, and the working set of reading n is
/// <c>workingSetsMb[n]</c> (the last value repeats). Each reading is announced to <c>observer</c> as a <see cref="ReadingTaken"/>.
/// </summary>
internal sealed class ScriptedResourceProbe(IActorRef observer, params double[] workingSetsMb) : IResourceProbe
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan ClockStep = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan CpuPerReading = TimeSpan.FromSeconds(30);

    private long clockReads = -1;
    private int readings = -1;

    public DateTimeOffset Now => Start + ClockStep * Interlocked.Increment(ref clockReads);

    public ResourceReading Read()
    {
        var n = Interlocked.Increment(ref readings);
        var workingSetMb = workingSetsMb.Length == 0 ? 100 : workingSetsMb[Math.Min(n, workingSetsMb.Length - 1)];
        var reading = new ResourceReading(
            Now, CpuPerReading * n, (long)(workingSetMb * 1024 * 1024), ManagedHeapBytes: 64L * 1024 * 1024,
            Gen0Collections: n, Gen1Collections: 0, Gen2Collections: 0, ThreadCount: 20, ProcessorCount: 2);
        observer.Tell(new ReadingTaken(n, reading));
        return reading;
    }
}

internal sealed record ReadingTaken(int Number, ResourceReading Reading);
