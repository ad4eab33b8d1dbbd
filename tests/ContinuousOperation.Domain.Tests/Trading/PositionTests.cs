using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Domain.Tests.Trading;

public sealed class PositionTests
{
    [Fact]
    public void Buying_from_flat_opens_a_long_at_the_fill_price()
    {
        var (position, change) = Position.Flat.Apply(Side.Buy, 100m, 2m);

        Assert.Equal(PositionChange.Opened, change);
        Assert.Equal(new Position(2m, 100m, 0m), position);
    }

    [Fact]
    public void Selling_from_flat_opens_a_short()
    {
        var (position, change) = Position.Flat.Apply(Side.Sell, 100m, 2m);

        Assert.Equal(PositionChange.Opened, change);
        Assert.Equal(new Position(-2m, 100m, 0m), position);
    }

    [Fact]
    public void Adding_to_a_position_averages_the_entry_price_by_quantity()
    {
        var (position, change) = new Position(2m, 100m, 0m).Apply(Side.Buy, 103m, 1m);

        Assert.Equal(PositionChange.Increased, change);
        Assert.Equal(new Position(3m, 101m, 0m), position);
    }

    [Fact]
    public void A_non_terminating_average_is_rounded_to_a_fixed_scale()
    {
        var (position, _) = new Position(1m, 100m, 0m).Apply(Side.Buy, 101m, 2m);

        Assert.Equal(100.6666666667m, position.AverageEntryPrice);
    }

    [Fact]
    public void Reducing_a_long_realizes_the_gain_and_keeps_the_average()
    {
        var (position, change) = new Position(3m, 101m, 0m).Apply(Side.Sell, 105m, 1m);

        Assert.Equal(PositionChange.Reduced, change);
        Assert.Equal(new Position(2m, 101m, 4m), position);
    }

    [Fact]
    public void Covering_a_short_below_entry_realizes_a_gain()
    {
        var (position, change) = new Position(-2m, 100m, 0m).Apply(Side.Buy, 90m, 1m);

        Assert.Equal(PositionChange.Reduced, change);
        Assert.Equal(new Position(-1m, 100m, 10m), position);
    }

    [Fact]
    public void Closing_realizes_the_rest_and_resets_the_average()
    {
        var (position, change) = new Position(2m, 101m, 4m).Apply(Side.Sell, 99m, 2m);

        Assert.Equal(PositionChange.Closed, change);
        Assert.Equal(new Position(0m, 0m, 0m), position);
        Assert.True(position.IsFlat);
    }

    [Fact]
    public void A_fill_larger_than_the_position_closes_it_and_opens_the_other_side_at_the_fill_price()
    {
        var (position, change) = new Position(2m, 100m, 1m).Apply(Side.Sell, 110m, 5m);

        Assert.Equal(PositionChange.Flipped, change);
        Assert.Equal(new Position(-3m, 110m, 21m), position);
    }

    [Fact]
    public void Lot_sized_arithmetic_stays_exact()
    {
        var position = Position.Flat;
        foreach (var (side, price, quantity) in new[] { (Side.Buy, 60_000.1m, 0.0003m), (Side.Sell, 60_010.3m, 0.0001m), (Side.Sell, 59_990.2m, 0.0002m) })
            position = position.Apply(side, price, quantity).Position;

        Assert.Equal(new Position(0m, 0m, 0.0001m * 10.2m + 0.0002m * -9.9m), position);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_fill_needs_a_positive_quantity(decimal quantity) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Position.Flat.Apply(Side.Buy, 100m, quantity));

    [Theory]
    [InlineData(Side.Buy, -200.1)]
    [InlineData(Side.Sell, 199.9)]
    public void Cash_pays_notional_for_buys_receives_it_for_sells_and_always_pays_the_fee(Side side, decimal expected) =>
        Assert.Equal(expected, CashFlow.Of(side, 100m, 2m, 0.1m));
}
