using ContinuousOperation.Domain.Reporting.Charts;

namespace ContinuousOperation.Domain.Tests.Reporting;

public sealed class CumulativeRateTests
{
    [Fact]
    public void The_difference_over_the_interval_is_scaled_to_a_minute_and_placed_at_the_later_reading()
    {
        var rates = CumulativeRate.PerMinute([new(0, 0), new(30, 30), new(60, 90)]);

        Assert.Equal([(30d, 60d), (60d, 120d)], rates);
    }

    [Fact]
    public void Readings_without_a_value_are_left_out_with_both_their_neighbouring_intervals()
    {
        var rates = CumulativeRate.PerMinute([new(0, 0), new(30, null), new(60, 60), new(120, 120)]);

        Assert.Equal([(120d, 60d)], rates);
    }

    [Fact]
    public void A_counter_that_went_down_or_no_elapsed_time_gives_no_point_rather_than_a_false_spike()
    {
        var rates = CumulativeRate.PerMinute([new(0, 50), new(30, 10), new(30, 20), new(90, 80)]);

        Assert.Equal([(90d, 60d)], rates);
    }

    [Fact]
    public void Fewer_than_two_readings_have_no_rate() => Assert.Empty(CumulativeRate.PerMinute([new(0, 5)]));
}
