using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Domain.Tests.Monitoring;

public sealed class CpuUsageTests
{
    [Fact]
    public void Busy_time_over_wall_time_gives_percent_of_one_core_and_of_the_machine()
    {
        var earlier = Readings.At(TimeSpan.Zero, processorTime: TimeSpan.FromSeconds(10), processorCount: 4);
        var later = Readings.At(TimeSpan.FromSeconds(10), processorTime: TimeSpan.FromSeconds(25), processorCount: 4);

        var usage = CpuUsage.Between(earlier, later);

        Assert.Equal(150, usage.PercentOfCore, precision: 9);
        Assert.Equal(37.5, usage.PercentOfMachine, precision: 9);
    }

    [Fact]
    public void Readings_at_the_same_instant_give_no_usage_instead_of_dividing_by_zero()
    {
        var reading = Readings.At(TimeSpan.FromSeconds(5), processorTime: TimeSpan.FromSeconds(1));

        Assert.Equal(CpuUsage.None, CpuUsage.Between(reading, reading with { TotalProcessorTime = TimeSpan.FromSeconds(2) }));
    }

    [Fact]
    public void Processor_time_going_backwards_is_clamped_to_zero()
    {
        var earlier = Readings.At(TimeSpan.Zero, processorTime: TimeSpan.FromSeconds(10));
        var later = Readings.At(TimeSpan.FromSeconds(10), processorTime: TimeSpan.FromSeconds(9));

        Assert.Equal(0, CpuUsage.Between(earlier, later).PercentOfCore);
    }

    [Fact]
    public void A_sample_converts_bytes_to_megabytes_and_measures_elapsed_from_the_run_start()
    {
        var previous = Readings.At(TimeSpan.FromSeconds(30), processorTime: TimeSpan.FromSeconds(3));
        var current = Readings.At(
            TimeSpan.FromSeconds(60), processorTime: TimeSpan.FromSeconds(18), workingSetBytes: 300L * 1024 * 1024)
            with { ManagedHeapBytes = 512L * 1024, Gen2Collections = 7, ThreadCount = 42 };

        var sample = current.SampleSince(previous, Readings.Start);

        Assert.Equal(TimeSpan.FromSeconds(60), sample.Elapsed);
        Assert.Equal(300, sample.WorkingSetMb);
        Assert.Equal(0.5, sample.ManagedHeapMb);
        Assert.Equal(7, sample.Gen2Collections);
        Assert.Equal(42, sample.ThreadCount);
        Assert.Equal(50, sample.CpuPercentOfCore, precision: 9);
        Assert.Equal(25, sample.CpuPercentOfMachine, precision: 9);
    }
}
