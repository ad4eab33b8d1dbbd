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
