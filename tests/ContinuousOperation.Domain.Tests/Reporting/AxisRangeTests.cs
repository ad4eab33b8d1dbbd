using ContinuousOperation.Domain.Reporting.Charts;

namespace ContinuousOperation.Domain.Tests.Reporting;

public sealed class AxisRangeTests
{
    [Fact]
    public void Values_get_their_span_with_a_margin_of_5_percent_on_each_side()
    {
        Assert.Equal(new AxisRange(90, 310), AxisRange.Around([100, 300, 200]));
    }

    [Fact]
    public void An_axis_of_values_that_are_not_negative_does_not_go_below_zero()
    {
        Assert.Equal(new AxisRange(0, 107), AxisRange.Around([2, 102]));
    }

    [Theory]
    [InlineData(0, 0, 1)]
    [InlineData(0.5, 0, 1.5)]
    [InlineData(150, 0, 300)]
    public void A_flat_series_sits_inside_an_axis_from_zero(double value, double min, double max)
    {
        Assert.Equal(new AxisRange(min, max), AxisRange.Around([value, value, value]));
    }

    [Fact]
    public void No_values_or_only_gaps_give_0_to_1()
    {
        Assert.Equal(AxisRange.Unit, AxisRange.Around([]));
        Assert.Equal(AxisRange.Unit, AxisRange.Around([double.NaN]));
        Assert.Equal(AxisRange.Unit, AxisRange.FromZero([]));
    }

    [Fact]
    public void A_negative_value_is_shown_below_zero()
    {
        Assert.Equal(new AxisRange(-11, 11), AxisRange.Around([-10, 10]));
    }
}
