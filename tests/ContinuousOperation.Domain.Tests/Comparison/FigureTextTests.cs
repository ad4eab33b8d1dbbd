using ContinuousOperation.Domain.Comparison;

namespace ContinuousOperation.Domain.Tests.Comparison;

public sealed class FigureTextTests
{
    [Theory]
    [InlineData(12.34, "+12.3%")]
    [InlineData(-12.36, "-12.4%")]
    [InlineData(0.0, "+0%")]
    [InlineData(double.PositiveInfinity, "from 0")]
    [InlineData(double.NegativeInfinity, "from 0")]
    [InlineData(null, "")]
    public void A_change_is_signed_with_one_decimal_and_a_change_from_zero_has_no_percentage(double? percent, string text) =>
        Assert.Equal(text, FigureText.Change(percent));

    [Fact]
    public void A_missing_value_is_a_dash() => Assert.Equal("—", FigureText.Value(null));
}
