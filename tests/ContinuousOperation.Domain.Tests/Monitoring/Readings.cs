using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Domain.Tests.Monitoring;

/// <summary>Builders for readings and samples with only the fields a test cares about.</summary>
internal static class Readings
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static ResourceReading At(
        TimeSpan sinceStart, TimeSpan processorTime = default, long workingSetBytes = 0, int processorCount = 2) =>
        new(Start + sinceStart, processorTime, workingSetBytes, ManagedHeapBytes: 0, 0, 0, 0, ThreadCount: 10,
            processorCount);

    public static ResourceSample Sample(double workingSetMb = 100, double cpuPercentOfMachine = 10, int minute = 1) =>
        new(Start.AddMinutes(minute), TimeSpan.FromMinutes(minute), workingSetMb, ManagedHeapMb: 50, 0, 0, 0,
            cpuPercentOfMachine, cpuPercentOfMachine * 2, ThreadCount: 10);
}
