using System.Diagnostics;
using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Actors.Monitoring;

/// <summary>Reads the current process: wall clock, processor time, working set, managed heap, GC counts and pause time,
/// OS threads and thread-pool threads.</summary>
public sealed class ProcessResourceProbe : IResourceProbe
{
    public DateTimeOffset Now => DateTimeOffset.UtcNow;

    public ResourceReading Read()
    {
        // A fresh Process object per reading: its counters are a snapshot taken when first accessed.
        using var process = Process.GetCurrentProcess();
        return new ResourceReading(
            Now,
            process.TotalProcessorTime,
            process.WorkingSet64,
            GC.GetTotalMemory(forceFullCollection: false),
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2),
            process.Threads.Count,
            Environment.ProcessorCount,
            GC.GetTotalPauseDuration(),
            ThreadPool.ThreadCount);
    }
}
