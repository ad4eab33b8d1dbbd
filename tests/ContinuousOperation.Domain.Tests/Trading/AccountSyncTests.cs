using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Domain.Tests.Trading;

public class AccountSyncTests
{
    private static readonly Symbol Btc = new("BTC-USDT");
    private static readonly AccountId Account = AccountId.TraderFor(Btc);

    private static TraderState WithOrders(params (Side Side, decimal Quantity)[] orders)
    {
        var state = TraderState.Empty(Btc).Apply(new AccountOpened(Btc, Account, 100_000m));
        foreach (var (side, quantity) in orders)
            state = state.Apply(state.EventForPlacement(new PlaceOrderIntent(side, OrderType.Limit, 100m, quantity), TimeSpan.Zero));
        return state;
    }

    private static AccountFill Fill(long sequence, string orderId, decimal quantity, Side side = Side.Buy) =>
        new(Btc, Account, new FillId($"f{sequence}"), new ClientOrderId(orderId), side, 100m, quantity, 0.01m,
            IsMaker: true, sequence, TimeSpan.Zero);

    private static ExchangeOrderStatus Status(string orderId, decimal quantity, decimal filled, ExchangeOrderState state) =>
        new(new ClientOrderId(orderId), Side.Buy, OrderType.Limit, 100m, quantity, filled, state);

    [Fact]
    public void Missed_fills_are_applied_once_in_sequence_order_and_known_ones_are_skipped()
    {
        var state = WithOrders((Side.Buy, 5m));
        state = state.EventsForFill(Fill(1, "BTC-USDT-1", 1m)).Aggregate(state, (s, e) => s.Apply(e));

        var plan = AccountSync.Plan(state, [Fill(3, "BTC-USDT-1", 1m), Fill(1, "BTC-USDT-1", 1m), Fill(2, "BTC-USDT-1", 1m)],
            [Status("BTC-USDT-1", 5m, 3m, ExchangeOrderState.Live)]);

        var fills = plan.Events.OfType<FillApplied>().Select(f => f.AccountFillSequence).ToArray();
        Assert.Equal([2L, 3L], fills);
        Assert.Equal(2, plan.Events.OfType<PositionChanged>().Count());
        Assert.True(plan.FillsComplete);
        Assert.Empty(plan.Resend);
    }

    [Fact]
    public void Fills_the_venue_no_longer_holds_stop_the_plan_and_are_reported_incomplete()
    {
        var plan = AccountSync.Plan(WithOrders((Side.Buy, 5m)), [Fill(2, "BTC-USDT-1", 1m)], []);

        Assert.False(plan.FillsComplete);
        Assert.Empty(plan.Events.OfType<FillApplied>());
    }

    [Fact]
    public void An_order_the_venue_never_received_is_resent_with_the_same_client_order_id()
    {
        var plan = AccountSync.Plan(WithOrders((Side.Buy, 5m), (Side.Sell, 2m)), [], [Status("BTC-USDT-1", 5m, 0m, ExchangeOrderState.Live)]);

        var resent = Assert.Single(plan.Resend);
        Assert.Equal(new ClientOrderId("BTC-USDT-2"), resent.Id);
        Assert.Equal(new ClientOrderId("BTC-USDT-1"), Assert.IsType<OrderAcknowledged>(Assert.Single(plan.Events)).ClientOrderId);
    }

    [Fact]
    public void A_cancel_whose_reply_was_lost_is_learned_from_the_venue_status()
    {
        var plan = AccountSync.Plan(WithOrders((Side.Buy, 5m)), [Fill(1, "BTC-USDT-1", 2m)],
            [Status("BTC-USDT-1", 5m, 2m, ExchangeOrderState.Cancelled)]);

        var cancelled = plan.Events.OfType<OrderCancelled>().Single();
        Assert.Equal(3m, cancelled.RemainingQuantity);
        Assert.Empty(plan.Events.OfType<OrderAcknowledged>());
    }

    [Fact]
    public void Nothing_is_cancelled_while_fills_are_missing_because_the_order_would_close_too_early()
    {
        var plan = AccountSync.Plan(WithOrders((Side.Buy, 5m)), [Fill(2, "BTC-USDT-1", 2m)],
            [Status("BTC-USDT-1", 5m, 4m, ExchangeOrderState.Cancelled)]);

        Assert.Empty(plan.Events.OfType<OrderCancelled>());
    }
}
