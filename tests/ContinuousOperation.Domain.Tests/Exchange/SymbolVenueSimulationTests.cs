using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Primitives;
using static ContinuousOperation.Domain.Tests.Exchange.VenueFixture;

namespace ContinuousOperation.Domain.Tests.Exchange;

public sealed class SymbolVenueSimulationTests
{
    private static readonly TimeSpan TwoHours = TimeSpan.FromHours(2);

    [Theory]
    [InlineData(MarketCondition.Mixed)]
    [InlineData(MarketCondition.Volatile)]
    public void Depth_has_twenty_levels_per_side_after_every_advance(MarketCondition condition)
    {
        var venue = NewVenue(seed: 7, condition);

        for (var i = 0; i < 3_600; i++)
        {
            venue.Advance(TimeSpan.FromSeconds(1));
            var depth = venue.Depth(20);
            Assert.Equal(20, depth.Bids.Count);
            Assert.Equal(20, depth.Asks.Count);
            Assert.True(depth.Bids[0].Price < depth.Asks[0].Price, $"crossed book at {depth.SimTime}");
        }
    }

    [Theory]
    [InlineData(MarketCondition.Mixed)]
    [InlineData(MarketCondition.Ranging)]
    [InlineData(MarketCondition.Volatile)]
    [InlineData(MarketCondition.Trending)]
    public void Trade_print_rate_stays_within_one_to_ten_per_second(MarketCondition condition)
    {
        var venue = NewVenue(seed: 3, condition);

        var trades = TradesExecuted.In(venue.Advance(TwoHours)).Count();

        var perSecond = trades / TwoHours.TotalSeconds;
        Assert.InRange(perSecond, 1.0, 10.0);
    }

    [Fact]
    public void Ranging_markets_trade_less_often_than_volatile_ones()
    {
        var ranging = TradesExecuted.In(NewVenue(seed: 5, MarketCondition.Ranging).Advance(TwoHours)).Count();
        var volatileMarket = TradesExecuted.In(NewVenue(seed: 5, MarketCondition.Volatile).Advance(TwoHours)).Count();

        Assert.True(volatileMarket > ranging, $"volatile {volatileMarket} trades vs ranging {ranging}");
    }

    [Fact]
    public void Same_seed_gives_the_same_events_and_another_seed_does_not()
    {
        var first = RunWithTrader(NewVenue(seed: 11), TimeSpan.FromMinutes(10));
        var again = RunWithTrader(NewVenue(seed: 11), TimeSpan.FromMinutes(10));
        var other = RunWithTrader(NewVenue(seed: 12), TimeSpan.FromMinutes(10));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Advance_does_not_depend_on_how_the_caller_slices_whole_steps()
    {
        var oneCall = NewVenue(seed: 9).Advance(TimeSpan.FromMinutes(5));
        var slicedVenue = NewVenue(seed: 9);
        var sliced = Enumerable.Range(0, 300).SelectMany(_ => slicedVenue.Advance(TimeSpan.FromSeconds(1))).ToList();

        // The batches differ (one per call), the trades in them do not.
        Assert.Equal(TradesExecuted.In(oneCall), TradesExecuted.In(sliced));
    }

    [Fact]
    public void Long_run_conserves_quantity_and_cash_and_keeps_ids_contiguous()
    {
        var venue = NewVenue(seed: 21, MarketCondition.Volatile);

        var trades = TradesExecuted.In(RunWithTrader(venue, TwoHours)).ToList();

        var balances = Assert.IsType<BookClosed>(Assert.Single(venue.Close())).Balances;
        Assert.Equal(0m, balances.Sum(b => b.Position));
        Assert.Equal(0m, balances.Sum(b => b.Cash + b.Fees));
        Assert.Equal(trades.Sum(t => t.Buyer.Fee + t.Seller.Fee), balances.Sum(b => b.Fees));
        Assert.Equal(Enumerable.Range(1, trades.Count).Select(i => (long)i), trades.Select(t => t.TradeId));
        foreach (var account in balances.Select(b => b.Account))
        {
            var sequences = trades.SelectMany(t => new[] { t.Buyer, t.Seller })
                .Where(leg => leg.Account == account).Select(leg => leg.AccountFillSequence).ToList();
            Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
        }
    }

    [Fact]
    public void Liquidity_never_trades_with_itself_and_requotes_trade_through_resting_trader_orders()
    {
        var venue = NewVenue(seed: 4, MarketCondition.Volatile);

        var trades = TradesExecuted.In(RunWithTrader(venue, TwoHours)).ToList();

        Assert.DoesNotContain(trades, t => t.Buyer.Account == t.Seller.Account && !t.Buyer.Account.IsPaperTrader);
        Assert.Contains(trades, t => t.LegOf(Trader) is { IsMaker: true } && t.LegOf(AccountId.LiquidityProvider) is not null);
        Assert.Contains(trades, t => t.LegOf(Trader) is { IsMaker: true } && t.LegOf(AccountId.NoiseTaker) is not null);
    }

    [Fact]
    public void Event_times_never_go_backwards_and_the_clock_ends_where_advanced_to()
    {
        var venue = NewVenue(seed: 8);

        var events = RunWithTrader(venue, TimeSpan.FromMinutes(30));

        Assert.All(events.Zip(events.Skip(1)), pair => Assert.True(pair.First.SimTime <= pair.Second.SimTime));
        Assert.Equal(TimeSpan.FromMinutes(30), venue.SimTime);
    }
}
