using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Domain.Tests.Trading;

public sealed class TraderStateTests
{
    private static readonly Symbol Eth = new("ETH-USDT");
    private static readonly AccountId Account = AccountId.TraderFor(Eth);
    private static readonly TimeSpan T0 = TimeSpan.FromMinutes(1);

    private static TraderState Opened(decimal cash = 10_000m) =>
        TraderState.Empty(Eth).Apply(new AccountOpened(Eth, Account, cash));

    private static TraderState ApplyAll(TraderState state, IEnumerable<ITraderEvent> events) =>
        events.Aggregate(state, (s, e) => s.Apply(e));

    private static (TraderState State, ClientOrderId Id) Submit(TraderState state, Side side, decimal quantity, decimal price = 3_000m)
    {
        var submitted = state.EventForPlacement(new PlaceOrderIntent(side, OrderType.Limit, price, quantity), T0);
        return (state.Apply(submitted), submitted.ClientOrderId);
    }

    private static AccountFill FillOf(ClientOrderId id, Side side, decimal quantity, decimal price, long sequence, decimal fee = 0.5m) =>
        new(Eth, Account, FillId.For(Eth, 100 + sequence, side), id, side, price, quantity, fee, IsMaker: true, sequence, T0);

    private static TraderState Fill(TraderState state, AccountFill fill) => ApplyAll(state, state.EventsForFill(fill));

    [Fact]
    public void An_empty_trader_belongs_to_its_symbol_and_is_not_opened()
    {
        var state = TraderState.Empty(Eth);

        Assert.Equal(Eth, state.Symbol);
        Assert.Equal(Account, state.Account);
        Assert.False(state.IsOpened);
        Assert.True(state.Position.IsFlat);
        Assert.Empty(state.LiveOrders);
        Assert.Equal(new ClientOrderId("ETH-USDT-1"), state.NextClientOrderId());
    }

    [Fact]
    public void Opening_the_account_sets_the_starting_cash()
    {
        var state = Opened(2_500m);

        Assert.True(state.IsOpened);
        Assert.Equal(2_500m, state.Cash);
    }

    [Fact]
    public void A_submitted_order_is_tracked_and_advances_the_client_order_id()
    {
        var (state, id) = Submit(Opened(), Side.Buy, 2m, 2_999.5m);

        Assert.Equal(new ClientOrderId("ETH-USDT-1"), id);
        Assert.Equal(1, state.OrdersSubmitted);
        Assert.Equal(new ClientOrderId("ETH-USDT-2"), state.NextClientOrderId());
        Assert.Equal(new TrackedOrder(id, Side.Buy, OrderType.Limit, 2_999.5m, 2m, 0m, OrderStatus.Submitted, T0), state.Find(id));
    }

    [Fact]
    public void Acknowledgement_accepts_the_order_once()
    {
        var (state, id) = Submit(Opened(), Side.Buy, 2m);
        var ack = new OrderAcknowledged(id);

        Assert.True(state.CanApply(ack));
        state = state.Apply(ack);

        Assert.Equal(OrderStatus.Accepted, state.Find(id)!.Status);
        Assert.False(state.CanApply(ack));
        Assert.Throws<InvalidOrderTransitionException>(() => state.Apply(ack));
    }

    [Fact]
    public void Status_events_for_unknown_orders_cannot_be_applied_and_change_nothing()
    {
        var state = Opened();
        var cancel = new OrderCancelled(new ClientOrderId("elsewhere"), 1m, "test");

        Assert.False(state.CanApply(cancel));
        Assert.Empty(state.Apply(cancel).LiveOrders);
    }

    [Theory]
    [InlineData(0, FillDisposition.Duplicate)]
    [InlineData(1, FillDisposition.Duplicate)]
    [InlineData(2, FillDisposition.Apply)]
    [InlineData(3, FillDisposition.Gap)]
    [InlineData(9, FillDisposition.Gap)]
    public void Fills_are_classified_by_account_fill_sequence(long sequence, FillDisposition expected)
    {
        var (state, id) = Submit(Opened(), Side.Buy, 5m);
        state = Fill(state, FillOf(id, Side.Buy, 1m, 3_000m, sequence: 1));

        Assert.Equal(expected, state.Classify(FillOf(id, Side.Buy, 1m, 3_000m, sequence)));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(9, true)]
    public void A_cancel_reported_after_fills_not_yet_applied_waits_for_them(long accountFillSequence, bool waits)
    {
        var (state, id) = Submit(Opened(), Side.Buy, 5m);
        state = Fill(state, FillOf(id, Side.Buy, 1m, 3_000m, sequence: 1));

        Assert.Equal(waits, state.CancelWaitsForFills(accountFillSequence));
    }

    [Fact]
    public void A_fill_produces_the_fill_and_the_position_it_leads_to()
    {
        var (state, id) = Submit(Opened(10_000m), Side.Buy, 2m);
        var fill = FillOf(id, Side.Buy, 2m, 3_000m, sequence: 1, fee: 1.2m);

        var events = state.EventsForFill(fill);

        Assert.Equal(
            [
                new FillApplied(id, fill.FillId, Side.Buy, 3_000m, 2m, 1.2m, 1, T0),
                new PositionChanged(PositionChange.Opened, fill.FillId, 2m, 3_000m, 0m, 10_000m - 6_000m - 1.2m),
            ],
            events);
    }

    [Fact]
    public void Applying_fills_moves_sequence_position_cash_and_the_order()
    {
        var (state, id) = Submit(Opened(10_000m), Side.Buy, 3m);
        state = state.Apply(new OrderAcknowledged(id));

        state = Fill(state, FillOf(id, Side.Buy, 1m, 3_000m, sequence: 1, fee: 0.6m));

        Assert.Equal(1, state.LastFillSequence);
        Assert.Equal(new Position(1m, 3_000m, 0m), state.Position);
        Assert.Equal(10_000m - 3_000m - 0.6m, state.Cash);
        Assert.Equal((OrderStatus.PartiallyFilled, 1m, 2m), (state.Find(id)!.Status, state.Find(id)!.Filled, state.Find(id)!.Remaining));

        state = Fill(state, FillOf(id, Side.Buy, 2m, 3_003m, sequence: 2, fee: 1.2m));

        Assert.Equal(2, state.LastFillSequence);
        Assert.Equal(new Position(3m, 3_002m, 0m), state.Position);
        Assert.Equal(10_000m - 3_000m - 0.6m - 6_006m - 1.2m, state.Cash);
        Assert.Null(state.Find(id));
    }

    [Fact]
    public void A_fill_may_overtake_the_acknowledgement_which_then_is_not_applicable()
    {
        var (state, id) = Submit(Opened(), Side.Sell, 3m);

        state = Fill(state, FillOf(id, Side.Sell, 1m, 3_000m, sequence: 1));

        Assert.Equal(OrderStatus.PartiallyFilled, state.Find(id)!.Status);
        Assert.False(state.CanApply(new OrderAcknowledged(id)));
    }

    [Fact]
    public void Events_for_a_fill_out_of_sequence_are_refused()
    {
        var (state, id) = Submit(Opened(), Side.Buy, 3m);

        Assert.Throws<InvalidOperationException>(() => state.EventsForFill(FillOf(id, Side.Buy, 1m, 3_000m, sequence: 2)));
    }

    [Fact]
    public void Events_for_another_accounts_fill_are_refused()
    {
        var (state, id) = Submit(Opened(), Side.Buy, 3m);
        var foreign = FillOf(id, Side.Buy, 1m, 3_000m, sequence: 1) with { Account = AccountId.NoiseTaker };

        Assert.Throws<ArgumentException>(() => state.EventsForFill(foreign));
    }

    [Fact]
    public void Terminal_orders_leave_the_state_so_it_stays_bounded()
    {
        var state = Opened();
        for (var i = 0; i < 1_000; i++)
        {
            (state, var id) = Submit(state, i % 2 == 0 ? Side.Buy : Side.Sell, 1m);
            state = state.Apply(new OrderAcknowledged(id)).Apply(new OrderCancelled(id, 1m, "stale"));
        }
        (state, var live) = Submit(state, Side.Buy, 1m);

        Assert.Equal(1_001, state.OrdersSubmitted);
        Assert.Equal([live], state.LiveOrders.Select(o => o.Id));
    }

    [Fact]
    public void Rejected_orders_are_dropped()
    {
        var (state, id) = Submit(Opened(), Side.Buy, 1m);

        state = state.Apply(new OrderRejected(id, "insufficient liquidity"));

        Assert.Null(state.Find(id));
    }

    [Fact]
    public void Recovery_from_the_journal_reproduces_the_live_state()
    {
        var journal = new List<ITraderEvent> { new AccountOpened(Eth, Account, 5_000m) };
        var live = TraderState.Empty(Eth).Apply(journal[0]);
        void Persist(IEnumerable<ITraderEvent> events)
        {
            foreach (var e in events)
            {
                journal.Add(e);
                live = live.Apply(e);
            }
        }

        var first = live.EventForPlacement(new PlaceOrderIntent(Side.Buy, OrderType.Limit, 3_000m, 2m), T0);
        Persist([first, new OrderAcknowledged(first.ClientOrderId)]);
        Persist(live.EventsForFill(FillOf(first.ClientOrderId, Side.Buy, 1m, 3_000m, sequence: 1)));
        var second = live.EventForPlacement(new PlaceOrderIntent(Side.Sell, OrderType.Market, null, 1m), T0);
        Persist([second]);
        Persist(live.EventsForFill(FillOf(second.ClientOrderId, Side.Sell, 1m, 3_010m, sequence: 2)));

        var recovered = ApplyAll(TraderState.Empty(Eth), journal);

        Assert.Equal(
            (live.Cash, live.Position, live.LastFillSequence, live.OrdersSubmitted),
            (recovered.Cash, recovered.Position, recovered.LastFillSequence, recovered.OrdersSubmitted));
        Assert.Equal(live.LiveOrders, recovered.LiveOrders);
        Assert.Equal(new Position(0m, 0m, 10m), recovered.Position);
    }
}
