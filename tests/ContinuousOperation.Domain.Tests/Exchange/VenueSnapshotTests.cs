using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Primitives;
using static ContinuousOperation.Domain.Tests.Exchange.VenueFixture;

namespace ContinuousOperation.Domain.Tests.Exchange;

/// <summary>A book restarted from a snapshot plus the journal after it must be the book a full replay rebuilds.</summary>
public sealed class VenueSnapshotTests
{
    private const int Seed = 17;
    private readonly SymbolVenue _live = NewVenue(Seed);
    private readonly List<IExchangeEvent> _journal;
    private readonly VenueSnapshot _midway;
    private readonly int _eventsBeforeSnapshot;

    public VenueSnapshotTests()
    {
        _journal = RunWithTrader(_live, TimeSpan.FromMinutes(20), idPrefix: "before");
        _midway = _live.Snapshot();
        _eventsBeforeSnapshot = _journal.Count;
        _journal.AddRange(RunWithTrader(_live, TimeSpan.FromMinutes(20), idPrefix: "after"));
        // Leave an order resting, so the rebuilt books have a paper-trader order to restore.
        var bid = _live.Depth(1).Bids[0];
        _journal.AddRange(_live.Place(LimitOrder("resting", Side.Buy, bid.Price - 50m, 0.1m)).Events);
    }

    private VenueRecovery NewRecovery() => new(Btc, new MarketSettings(), Fees, Seed);

    private SymbolVenue FullReplay()
    {
        var recovery = NewRecovery();
        foreach (var e in _journal) recovery.Apply(e);
        return recovery.Build(_journal.Count);
    }

    private SymbolVenue FromSnapshot(VenueSnapshot snapshot, int eventsBefore)
    {
        var recovery = NewRecovery();
        recovery.Restore(snapshot);
        foreach (var e in _journal.Skip(eventsBefore)) recovery.Apply(e);
        return recovery.Build(_journal.Count);
    }

    [Fact]
    public void The_journal_is_long_enough_to_matter()
    {
        Assert.True(_eventsBeforeSnapshot > 1_000, $"only {_eventsBeforeSnapshot} events before the snapshot");
        Assert.True(_journal.Count - _eventsBeforeSnapshot > 1_000, $"only {_journal.Count - _eventsBeforeSnapshot} events after it");
        Assert.Contains(_midway.LiveOrders, o => o.Account == Trader);
        Assert.NotEmpty(_midway.TerminalOrders);
    }

    [Fact]
    public void Snapshot_plus_later_events_rebuild_the_ledger_a_full_replay_rebuilds()
    {
        AssertSameLedger(_live.Snapshot(), FullReplay().Snapshot());
        AssertSameLedger(FullReplay().Snapshot(), FromSnapshot(_midway, _eventsBeforeSnapshot).Snapshot());
    }

    [Fact]
    public void A_snapshot_of_a_restored_venue_equals_the_snapshot_it_was_restored_from()
    {
        var recovery = NewRecovery();
        recovery.Restore(_midway);

        AssertSameLedger(_midway, recovery.Build(_eventsBeforeSnapshot).Snapshot());
    }

    [Fact]
    public void A_book_restored_from_a_snapshot_produces_the_same_next_ticks_as_one_rebuilt_by_full_replay()
    {
        var replayed = FullReplay();
        var restored = FromSnapshot(_midway, _eventsBeforeSnapshot);

        var replayedFuture = RunWithTrader(replayed, TimeSpan.FromMinutes(30), idPrefix: "next");
        var restoredFuture = RunWithTrader(restored, TimeSpan.FromMinutes(30), idPrefix: "next");

        Assert.True(TradesExecuted.In(replayedFuture).Count() > 500);
        Assert.Equal(replayedFuture, restoredFuture);
        Assert.Equal(replayed.Depth(20), restored.Depth(20), DepthComparer.Instance);
        AssertSameLedger(replayed.Snapshot(), restored.Snapshot());
    }

    [Fact]
    public void An_empty_snapshot_restores_a_fresh_venue()
    {
        var fresh = NewVenue(Seed);
        var recovery = NewRecovery();
        recovery.Restore(fresh.Snapshot());

        Assert.Equal(fresh.Advance(TimeSpan.FromMinutes(5)), recovery.Build(0).Advance(TimeSpan.FromMinutes(5)));
    }

    private static void AssertSameLedger(VenueSnapshot expected, VenueSnapshot actual)
    {
        Assert.Equal(
            (expected.IsClosed, expected.SimTime, expected.LastTradeId, expected.LastTradePrice, expected.Arrivals),
            (actual.IsClosed, actual.SimTime, actual.LastTradeId, actual.LastTradePrice, actual.Arrivals));
        Assert.Equal(expected.Balances, actual.Balances);
        Assert.Equal(expected.FillSequences, actual.FillSequences);
        Assert.Equal(expected.LiveOrders, actual.LiveOrders);
        Assert.Equal(expected.TerminalOrders, actual.TerminalOrders);
        Assert.Equal(expected.RecentFills, actual.RecentFills);
    }

    private sealed class DepthComparer : IEqualityComparer<DepthSnapshot>
    {
        public static readonly DepthComparer Instance = new();

        public bool Equals(DepthSnapshot? x, DepthSnapshot? y) =>
            x is not null && y is not null && x.Bids.SequenceEqual(y.Bids) && x.Asks.SequenceEqual(y.Asks) && x.SimTime == y.SimTime;

        public int GetHashCode(DepthSnapshot obj) => obj.SimTime.GetHashCode();
    }
}
