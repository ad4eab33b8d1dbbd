using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Tests.Primitives;

public sealed class InstrumentCatalogTests
{
    private static readonly IReadOnlyList<Instrument> All = InstrumentCatalog.First(InstrumentCatalog.MaxCount);

    [Fact]
    public void A_thousand_symbols_have_a_thousand_distinct_names_that_are_valid_symbols()
    {
        Assert.Equal(1_000, All.Select(i => i.Symbol).Distinct().Count());
        Assert.All(All, i => Assert.True(InstrumentCatalog.IsValidSymbol(i.Symbol.Value), i.Symbol.Value));
    }

    [Fact]
    public void The_first_ten_are_the_known_symbols_and_the_rest_are_numbered_on_from_eleven()
    {
        Assert.Equal("BTC-USDT", All[0].Symbol.Value);
        Assert.Equal("LINK-USDT", All[9].Symbol.Value);
        Assert.Equal("SIM0011-USDT", All[10].Symbol.Value);
        Assert.Equal("SIM1000-USDT", All[^1].Symbol.Value);
    }

    [Fact]
    public void A_generated_name_means_the_same_instrument_wherever_it_is_looked_up()
    {
        Assert.All(All, i => Assert.Equal(i, InstrumentCatalog.For(i.Symbol)));
        Assert.Equal(All.Take(300), InstrumentCatalog.First(300));
    }

    [Fact]
    public void Generated_prices_spread_over_seven_orders_of_magnitude_even_among_the_first_hundred()
    {
        var magnitudes = All.Skip(10).Take(90).Select(i => (int)Math.Floor(Math.Log10((double)i.InitialPrice))).ToHashSet();
        Assert.Equal(Enumerable.Range(-2, 7).ToHashSet(), magnitudes);
        Assert.All(All.Skip(10), i => Assert.InRange(i.InitialPrice, 0.01m, 50_000m));
    }

    [Fact]
    public void Generated_prices_sit_on_their_tick_grid_with_four_orders_of_ticks_and_lots_worth_one_to_ten_units()
    {
        Assert.All(All.Skip(10), i =>
        {
            Assert.Equal(0m, i.InitialPrice % i.TickSize);
            Assert.InRange(i.InitialPrice / i.TickSize, 10_000m, 100_000m);
            Assert.InRange(i.InitialPrice * i.LotSize, 1m, 10m);
        });
    }

    [Theory]
    [InlineData("SIM0005-USDT")]
    [InlineData("SIM11-USDT")]
    [InlineData("SIM0011-USDC")]
    [InlineData("XSIM0011-USDT")]
    public void Names_outside_the_generated_pattern_get_the_generic_instrument(string name)
    {
        var instrument = InstrumentCatalog.For(new Symbol(name));
        Assert.Equal((0.01m, 0.01m, 100m), (instrument.TickSize, instrument.LotSize, instrument.InitialPrice));
    }

    [Fact]
    public void More_than_a_thousand_symbols_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => InstrumentCatalog.First(1_001));
}
