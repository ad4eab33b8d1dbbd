using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Domain.Tests.Trading;

/// <summary>A trader restarted from a snapshot plus the journal after it must hold the state a full replay folds.</summary>
public sealed class TraderSnapshotTests
{
    private static readonly Symbol Eth = new("ETH-USDT");
    private static readonly AccountId Account = AccountId.TraderFor(Eth);

    private static TraderState Fold(TraderState start, IEnumerable<ITraderEvent> events) =>
        events.Aggregate(start, (state, e) => state.Apply(e));

    /// <summary>A few thousand events of a trader at work: orders submitted, acknowledged, partly and fully filled (the
    /// position flipping sides), some cancelled, some left live.</summary>
    private static List<ITraderEvent> Journal(int orders)
    {
        var state = TraderState.Empty(Eth);
        var journal = new List<ITraderEvent>();
        void Record(params IEnumerable<ITraderEvent> events)
        {
            foreach (var e in events)
            {
                journal.Add(e);
                state = state.Apply(e);
            }
        }

        Record(new AccountOpened(Eth, Account, 100_000m));
        long fillSequence = 0;
        for (var i = 1; i <= orders; i++)
        {
            var side = i % 7 < 4 ? Side.Buy : Side.Sell;
            var price = 3_000m + i % 13 * 0.5m;
            var submitted = state.EventForPlacement(new PlaceOrderIntent(side, OrderType.Limit, price, 2m), TimeSpan.FromSeconds(i));
            Record(submitted, new OrderAcknowledged(submitted.ClientOrderId));
            if (i % 5 == 0) continue; // left live
            var fill = new AccountFill(Eth, Account, FillId.For(Eth, i, side), submitted.ClientOrderId, side, price, 1m, 0.1m,
                IsMaker: true, ++fillSequence, TimeSpan.FromSeconds(i));
            Record(state.EventsForFill(fill));
            if (i % 3 == 0)
            {
                Record(new OrderCancelled(submitted.ClientOrderId, 1m, "stale"));
                continue;
            }

            Record(state.EventsForFill(fill with { FillId = FillId.For(Eth, i + 1_000_000, side), AccountFillSequence = ++fillSequence }));
        }

        return journal;
    }

    [Fact]
    public void Snapshot_plus_later_events_equal_a_full_replay()
    {
        var journal = Journal(orders: 1_000);
        var cut = journal.Count / 2 + 1;
        var snapshot = Fold(TraderState.Empty(Eth), journal.Take(cut)).ToSnapshot();

        var replayed = Fold(TraderState.Empty(Eth), journal);
        var restored = Fold(TraderState.FromSnapshot(snapshot), journal.Skip(cut));

        Assert.True(journal.Count > 4_000, $"only {journal.Count} events");
        Assert.NotEmpty(replayed.LiveOrders);
        AssertSameState(replayed, restored);
        Assert.Equal(replayed.NextClientOrderId(), restored.NextClientOrderId());
    }

    [Fact]
    public void A_restored_state_takes_the_same_next_fill_as_the_original()
    {
        var original = Fold(TraderState.Empty(Eth), Journal(orders: 50));
        var restored = TraderState.FromSnapshot(original.ToSnapshot());
        var live = original.LiveOrders.First();
        var fill = new AccountFill(Eth, Account, FillId.For(Eth, 999, live.Side), live.Id, live.Side, 3_001m, 1m, 0.1m,
            IsMaker: false, original.LastFillSequence + 1, TimeSpan.FromHours(1));

        Assert.Equal(FillDisposition.Apply, restored.Classify(fill));
        Assert.Equal(original.EventsForFill(fill), restored.EventsForFill(fill));
        AssertSameState(Fold(original, original.EventsForFill(fill)), Fold(restored, restored.EventsForFill(fill)));
    }

    private static void AssertSameState(TraderState expected, TraderState actual)
    {
        var (e, a) = (expected.ToSnapshot(), actual.ToSnapshot());
        Assert.Equal(
            (e.Symbol, e.IsOpened, e.IsStopped, e.Cash, e.Position, e.LastFillSequence, e.OrdersSubmitted),
            (a.Symbol, a.IsOpened, a.IsStopped, a.Cash, a.Position, a.LastFillSequence, a.OrdersSubmitted));
        Assert.Equal(e.LiveOrders, a.LiveOrders);
    }
}
