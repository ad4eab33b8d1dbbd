using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Domain.Tests.Run;

public class RunEstimateTests
{
    private static readonly TimeSpan OneHour = TimeSpan.FromHours(1);

    [Fact]
    public void Simulated_time_is_the_wall_duration_times_the_speed()
    {
        Assert.Equal(TimeSpan.FromHours(24), RunEstimates.For(OneHour, 24, symbols: 1).SimulatedDuration);
        Assert.Equal(TimeSpan.FromMinutes(45), RunEstimates.For(TimeSpan.FromMinutes(90), 0.5, symbols: 1).SimulatedDuration);
    }

    [Fact]
    public void Everything_grows_in_proportion_to_symbols_and_duration_at_one_speed()
    {
        var one = RunEstimates.For(OneHour, 1, symbols: 1);
        var more = RunEstimates.For(TimeSpan.FromHours(4), 1, symbols: 3);

        Assert.True(one.Orders > 0 && one.Fills > 0 && one.JournalEvents > 0 && one.JournalBytes > 0, one.ToString());
        Assert.Equal(12 * one.Orders, more.Orders);
        Assert.Equal(12 * one.Fills, more.Fills);
        Assert.Equal(12 * one.JournalEvents, more.JournalEvents);
        Assert.Equal(12 * one.JournalBytes, more.JournalBytes);
    }

    [Fact]
    public void Per_simulated_minute_the_rates_fall_with_speed_and_lie_between_the_measured_ones()
    {
        // The same simulated hour at three speeds: 1x for an hour, 30x for two minutes, 60x for one minute.
        var slow = RunEstimates.For(OneHour, 1, symbols: 1);
        var between = RunEstimates.For(TimeSpan.FromMinutes(2), 30, symbols: 1);
        var fast = RunEstimates.For(TimeSpan.FromMinutes(1), 60, symbols: 1);

        Assert.InRange(between.Orders, fast.Orders + 1, slow.Orders - 1);
        Assert.InRange(between.JournalEvents, fast.JournalEvents + 1, slow.JournalEvents - 1);
        Assert.InRange(between.JournalBytes, fast.JournalBytes + 1, slow.JournalBytes - 1);
    }

    [Fact]
    public void Beyond_the_measured_speeds_the_nearest_measurement_stands()
    {
        // 1,000x for 6 minutes and 200x for 30 minutes are both 100 simulated hours.
        Assert.Equal(RunEstimates.For(TimeSpan.FromMinutes(30), 200, 1), RunEstimates.For(TimeSpan.FromMinutes(6), 1000, 1));
        // 0.01x for 100 hours and 1x for one hour are both one simulated hour.
        Assert.Equal(RunEstimates.For(OneHour, 1, 1).Orders, RunEstimates.For(TimeSpan.FromHours(100), 0.01, 1).Orders);
    }
}
