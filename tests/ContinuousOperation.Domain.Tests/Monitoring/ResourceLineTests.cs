using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Domain.Tests.Monitoring;

public sealed class ResourceLineTests
{
    [Fact]
    public void A_sample_carries_gc_pause_pool_threads_mailbox_and_activity_from_its_reading()
    {
        var previous = Readings.At(TimeSpan.Zero);
        var reading = Readings.At(TimeSpan.FromSeconds(30)) with { GcPauseTotal = TimeSpan.FromMilliseconds(812.5), ThreadPoolThreads = 9 };
        var activity = new ActivityCounts(OrdersPlaced: 40, FillsApplied: 31, Errors: 2, FaultsInjected: 1);

        var sample = reading.SampleSince(previous, Readings.Start, busiestMailbox: 17, activity);

        Assert.Equal((812.5, 9, 17L, activity), (sample.GcPauseMs, sample.ThreadPoolThreads, sample.BusiestMailbox, sample.Activity));
    }

    [Fact]
    public void The_line_has_one_value_per_template_property_rounded_for_reading()
    {
        var sample = Readings.Sample(workingSetMb: 151.26, cpuPercentOfMachine: 12.34, minute: 61) with
        {
            ManagedHeapMb = 40.04, Gen2Collections = 3, GcPauseMs = 95.6, ThreadPoolThreads = 7, BusiestMailbox = 12,
        };

        var line = ResourceLine.Of(sample);

        Assert.Equal(["1h01m00s", 151.3, 40.0, 12.3, 3, 96.0, 7, 12L], line.Values);
        Assert.Equal(line.Values.Length, ResourceLine.Template.Count(c => c == '{'));
    }
}
