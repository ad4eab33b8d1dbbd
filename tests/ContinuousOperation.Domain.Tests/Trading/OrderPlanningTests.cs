using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Domain.Tests.Trading;

public class OrderPlanningTests
{
    private static readonly Symbol Eth = new("ETH-USDT");

    [Fact]
    public void Several_orders_in_one_decision_get_distinct_consecutive_client_order_ids()
    {
        var state = TraderState.Empty(Eth).Apply(new AccountOpened(Eth, AccountId.TraderFor(Eth), 1_000m));

        var plan = OrderPlanning.Plan(state,
            [
                new PlaceOrderIntent(Side.Buy, OrderType.Limit, 10m, 1m),
                new PlaceOrderIntent(Side.Sell, OrderType.Market, null, 2m),
            ], TimeSpan.FromSeconds(3));

        Assert.Equal(["ETH-USDT-1", "ETH-USDT-2"], plan.Submissions.Select(s => s.ClientOrderId.Value));
        Assert.All(plan.Submissions, s => Assert.Equal(TimeSpan.FromSeconds(3), s.SimTime));
    }

    [Fact]
    public void While_cancels_of_stale_orders_are_unconfirmed_no_order_is_placed_beyond_the_unsettled_limit()
    {
        var btc = InstrumentCatalog.For(new Symbol("BTC-USDT"));
        var state = TraderState.Empty(btc.Symbol).Apply(new AccountOpened(btc.Symbol, AccountId.TraderFor(btc.Symbol), 1_000_000m));
        for (var i = 0; i < StrategySettings.Default.MaxUnsettledOrders; i++)
            state = state.Apply(state.EventForPlacement(new PlaceOrderIntent(Side.Buy, OrderType.Limit, 59_000m, btc.LotSize), TimeSpan.Zero));
        var strategy = new DefaultStrategy(btc, StrategySettings.Default with { DiscretionaryCloseProbability = 0 });
        // Every order is long stale: a decision asks to cancel them all, but the venue has not confirmed one yet.
        var view = new MarketView(59_999m, 60_001m, 60_000m, TimeSpan.FromMinutes(10));

        var intents = Enumerable.Range(0, 50).SelectMany(seed => strategy.Decide(view, state, new Random(seed))).ToArray();

        Assert.DoesNotContain(intents, i => i is PlaceOrderIntent);
        Assert.Contains(intents, i => i is CancelOrderIntent);
    }

    [Fact]
    public void Cancels_of_orders_that_are_not_live_are_dropped()
    {
        var state = TraderState.Empty(Eth).Apply(new AccountOpened(Eth, AccountId.TraderFor(Eth), 1_000m));
        var live = state.EventForPlacement(new PlaceOrderIntent(Side.Buy, OrderType.Limit, 10m, 1m), TimeSpan.Zero);
        state = state.Apply(live);

        var plan = OrderPlanning.Plan(state,
            [new CancelOrderIntent(live.ClientOrderId), new CancelOrderIntent(new ClientOrderId("ETH-USDT-99"))], TimeSpan.Zero);

        Assert.Equal([live.ClientOrderId], plan.Cancels);
        Assert.Empty(plan.Submissions);
    }
}
