using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Domain.Tests.Trading;

public sealed class DefaultStrategyTests
{
    private static readonly Instrument Btc = InstrumentCatalog.For(new Symbol("BTC-USDT"));
    private static readonly StrategySettings Settings = StrategySettings.Default;
    private static readonly TimeSpan DecisionInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>Five simulated minutes at two decisions a second.</summary>
    private const int FiveMinutes = 600;

    /// <summary>A uniform step of ±75 ticks every half second is about 3 % daily volatility at BTC's price.</summary>
    private const int StepTicks = 75;

    private static PaperMarket Run(int seed, int decisions, Action<PaperMarket, IReadOnlyList<TradingIntent>>? inspect = null)
    {
        var market = new PaperMarket(Btc, seed, StepTicks);
        var strategy = new DefaultStrategy(Btc, Settings);
        var rng = new Random(seed);
        for (var i = 0; i < decisions; i++)
        {
            market.Step(DecisionInterval);
            var intents = strategy.Decide(market.View, market.State, rng);
            inspect?.Invoke(market, intents);
            market.Execute(intents);
        }
        return market;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Opens_grows_reduces_and_closes_positions_many_times_in_five_minutes(int seed)
    {
        var changes = Run(seed, FiveMinutes).PositionChanges.GroupBy(c => c.Change).ToDictionary(g => g.Key, g => g.Count());

        Assert.True(changes.GetValueOrDefault(PositionChange.Opened) + changes.GetValueOrDefault(PositionChange.Flipped) >= 20,
            $"too few positions opened: {string.Join(", ", changes)}");
        Assert.True(changes.GetValueOrDefault(PositionChange.Closed) >= 10, $"too few positions closed: {string.Join(", ", changes)}");
        Assert.True(changes.GetValueOrDefault(PositionChange.Increased) > 0);
        Assert.True(changes.GetValueOrDefault(PositionChange.Reduced) > 0);
    }

    [Fact]
    public void Worst_case_exposure_never_exceeds_the_position_limit()
    {
        var limit = Settings.PositionLimitLots * Btc.LotSize;
        Run(seed: 7, decisions: 5_000, (market, intents) =>
        {
            var state = market.State;
            var cancelled = intents.OfType<CancelOrderIntent>().Select(c => c.ClientOrderId).ToHashSet();
            foreach (var side in new[] { Side.Buy, Side.Sell })
            {
                var pending = state.LiveOrders.Where(o => o.Side == side && !cancelled.Contains(o.Id)).Sum(o => o.Remaining)
                    + intents.OfType<PlaceOrderIntent>().Where(p => p.Side == side).Sum(p => p.Quantity);
                Assert.True(side.Sign() * state.Position.Quantity + pending <= limit,
                    $"{side} exposure {side.Sign() * state.Position.Quantity + pending} exceeds {limit}");
            }
        });
    }

    [Fact]
    public void Keeps_at_most_the_configured_number_of_live_orders()
    {
        var market = Run(seed: 11, decisions: 5_000, (market, intents) =>
        {
            var cancelled = intents.OfType<CancelOrderIntent>().Count();
            var placed = intents.OfType<PlaceOrderIntent>().Count();
            Assert.True(market.State.LiveOrders.Count - cancelled + placed <= Settings.MaxLiveOrders);
        });
        Assert.NotEmpty(market.Placed);
    }

    [Fact]
    public void Prices_sit_on_the_tick_grid_and_quantities_on_the_lot_grid()
    {
        var placed = Run(seed: 5, decisions: 3_000).Placed;

        Assert.Contains(placed, p => p.Type == OrderType.Market);
        Assert.Contains(placed, p => p.Type == OrderType.Limit);
        Assert.All(placed, p =>
        {
            Assert.True(p.Quantity >= Btc.LotSize && p.Quantity % Btc.LotSize == 0m, $"quantity {p.Quantity}");
            Assert.Equal(p.Type == OrderType.Limit, p.LimitPrice.HasValue);
            if (p.LimitPrice is { } price)
                Assert.True(price > 0m && price % Btc.TickSize == 0m, $"price {price}");
        });
    }

    [Fact]
    public void Passive_limit_orders_never_cross_and_stay_near_the_touch()
    {
        var state = TraderState.Empty(Btc.Symbol).Apply(new AccountOpened(Btc.Symbol, AccountId.TraderFor(Btc.Symbol), 1_000m));
        var view = new MarketView(BestBid: 60_000m, BestAsk: 60_000.5m, LastPrice: 60_000.2m, SimTime: TimeSpan.Zero);
        var settings = Settings with { MarketOrderProbability = 0, MarketableLimitProbability = 0, PlaceProbability = 1 };
        var strategy = new DefaultStrategy(Btc, settings);
        var rng = new Random(3);

        var orders = Enumerable.Range(0, 500).SelectMany(_ => strategy.Decide(view, state, rng)).OfType<PlaceOrderIntent>().ToList();

        Assert.Contains(orders, o => o.Side == Side.Buy);
        Assert.Contains(orders, o => o.Side == Side.Sell);
        Assert.All(orders.Where(o => o.Side == Side.Buy), o => Assert.InRange(o.LimitPrice!.Value, 60_000m - 0.3m, 60_000.4m));
        Assert.All(orders.Where(o => o.Side == Side.Sell), o => Assert.InRange(o.LimitPrice!.Value, 60_000.1m, 60_000.5m + 0.3m));
    }

    [Fact]
    public void Take_profit_closes_the_whole_position_with_a_market_order()
    {
        var symbol = Btc.Symbol;
        var state = TraderState.Empty(symbol)
            .Apply(new AccountOpened(symbol, AccountId.TraderFor(symbol), 1_000m))
            .Apply(new PositionChanged(PositionChange.Opened, FillId.For(symbol, 1, Side.Buy), 0.0042m, 60_000m, 0m, 748m));
        var view = new MarketView(60_100m, 60_100.1m, 60_100m, TimeSpan.Zero);

        var intents = new DefaultStrategy(Btc, Settings with { DiscretionaryCloseProbability = 0 }).Decide(view, state, new Random(1));

        Assert.Equal([new PlaceOrderIntent(Side.Sell, OrderType.Market, null, 0.0042m)], intents);
    }

    [Fact]
    public void Stale_orders_are_cancelled()
    {
        var market = new PaperMarket(Btc, seed: 1, maxStepTicks: 0);
        market.Execute([new PlaceOrderIntent(Side.Buy, OrderType.Limit, 59_000m, 0.001m)]);
        var id = Assert.Single(market.State.LiveOrders).Id;
        market.Step(Settings.StaleOrderAge);

        var intents = new DefaultStrategy(Btc, Settings).Decide(market.View, market.State, new Random(1));

        Assert.Contains(new CancelOrderIntent(id), intents);
    }

    [Fact]
    public void Same_seed_same_decisions()
    {
        Assert.Equal(Run(seed: 42, decisions: 1_000).Placed, Run(seed: 42, decisions: 1_000).Placed);
        Assert.NotEqual(Run(seed: 42, decisions: 1_000).Placed, Run(seed: 43, decisions: 1_000).Placed);
    }

    [Fact]
    public void A_trader_whose_account_is_not_open_does_nothing()
    {
        var view = new MarketView(60_000m, 60_000.5m, 60_000m, TimeSpan.Zero);

        Assert.Empty(new DefaultStrategy(Btc, Settings).Decide(view, TraderState.Empty(Btc.Symbol), new Random(1)));
    }
}
