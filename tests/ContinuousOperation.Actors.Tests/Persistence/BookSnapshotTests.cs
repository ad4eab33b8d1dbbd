using Akka.Actor;
using ContinuousOperation.Actors.Exchange;
using ContinuousOperation.Actors.Monitoring;
using ContinuousOperation.Actors.Tests.Support;
using ContinuousOperation.Actors.Tests.Trading;
using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Actors.Tests.Persistence;

/// <summary>
/// A book whose journal already holds thousands of events: it snapshots after its next command, a restart replays only
/// the events after the snapshot and ends with the ledger a full replay rebuilds, and a corrupt snapshot falls back to a
/// full replay and is reported. The book never ticks here (one tick an hour), so every journal event is the test's.
/// </summary>
public class BookSnapshotTests : SqliteTestKit
{
    private static readonly Instrument Btc = InstrumentCatalog.For(new Symbol("BTC-USDT"));
    private static readonly AccountId Trader = AccountId.TraderFor(Btc.Symbol);
    private static readonly MarketSettings Market = new(MarketCondition.Ranging);
    private const int Seed = 42;

    private readonly string persistenceId = JournalNames.Exchange(TestRun.Id, Btc.Symbol);
    private readonly Akka.TestKit.TestProbe metrics;
    private readonly Akka.TestKit.TestProbe recoveries;

    public BookSnapshotTests()
    {
        metrics = CreateTestProbe();
        recoveries = CreateTestProbe();
        Sys.EventStream.Subscribe(recoveries.Ref, typeof(EntityRecovered));
    }

    private static BookSettings Settings(long snapshotEvery) =>
        new(Btc, Market, FeeSchedule.Default, Seed, Speed: 1, TickInterval: TimeSpan.FromHours(1))
        {
            Run = TestRun.Id,
            Snapshots = new SnapshotPolicy(snapshotEvery),
        };

    /// <summary>Forty simulated minutes of a venue with a paper trader buying and selling at market, plus live limit
    /// orders far from the touch: thousands of events (a second's trades are one event).</summary>
    private static List<IExchangeEvent> SeedEvents()
    {
        var venue = new SymbolVenue(Btc, Market, FeeSchedule.Default, Seed);
        var events = new List<IExchangeEvent>();
        for (var second = 1; second <= 2_400; second++)
        {
            events.AddRange(venue.Advance(TimeSpan.FromSeconds(1)));
            if (second % 20 == 0)
                events.AddRange(venue.Place(new OrderRequest(Trader, new ClientOrderId($"m-{second}"),
                    second % 40 == 0 ? Side.Buy : Side.Sell, OrderType.Market, null, 0.01m)).Events);
            if (second % 60 == 0)
                events.AddRange(venue.Place(FarLimit($"l-{second}").Request).Events);
        }

        return events;
    }

    private static PlaceOrder FarLimit(string id) =>
        new(Btc.Symbol, new OrderRequest(Trader, new ClientOrderId(id), Side.Buy, OrderType.Limit, 1_000m, 0.01m));

    private async Task<List<IExchangeEvent>> SeedJournal()
    {
        var events = SeedEvents();
        await TestJournal.WriteAsync(Sys, persistenceId, events.Cast<IJournalEvent>().ToArray());
        return events;
    }

    private IActorRef StartBook(long snapshotEvery) =>
        Sys.ActorOf(OrderBookActor.Props(Settings(snapshotEvery), CreateTestProbe().Ref, metrics.Ref));

    private long RecoveredAfterReplaying() => recoveries.ExpectMsg<EntityRecovered>().EventsReplayed;

    private void Place(IActorRef book, params string[] ids)
    {
        foreach (var id in ids)
        {
            book.Tell(FarLimit(id));
            ExpectMsg<OrderPlaced>(p => p.ClientOrderId.Value == id);
        }
    }

    private void Stop(IActorRef book)
    {
        Watch(book);
        book.Tell(PoisonPill.Instance);
        ExpectTerminated(book);
    }

    private long[] SnapshotSequenceNumbers() => SnapshotTable.SequenceNumbers(Journal, persistenceId);

    private void AwaitSnapshotsAt(params long[] sequenceNumbers) =>
        AwaitAssert(() => Assert.Equal(sequenceNumbers, SnapshotSequenceNumbers()), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(50));

    private AccountSynced Sync(IActorRef book, IEnumerable<IExchangeEvent> journal)
    {
        var ids = journal.OfType<ExchangeOrderAccepted>().Select(a => a.ClientOrderId).ToArray();
        book.Tell(new SyncAccount(Btc.Symbol, Trader, AfterFillSequence: 0, ids));
        return ExpectMsg<AccountSynced>();
    }

    private static SymbolVenue FullReplay(IEnumerable<IExchangeEvent> journal) =>
        SymbolVenue.Recover(Btc, Market, FeeSchedule.Default, Seed, incarnation: 0, journal);

    [Fact]
    public async Task A_book_restarted_after_thousands_of_events_replays_only_those_after_its_snapshot_and_has_the_full_replay_ledger()
    {
        var journal = await SeedJournal();
        var book = StartBook(snapshotEvery: 1_000);
        Assert.Equal(journal.Count, RecoveredAfterReplaying());

        // The first command is due a snapshot (thousands of events since none); the next four are not.
        Place(book, "after-1", "after-2", "after-3", "after-4", "after-5");
        var snapshotAt = journal.Count + 1;
        AwaitSnapshotsAt(snapshotAt);
        Stop(book);

        var restarted = StartBook(snapshotEvery: 1_000);
        Assert.Equal(4, RecoveredAfterReplaying());

        var fullJournal = (await JournalReader.EventsOf(Sys, persistenceId)).OfType<IExchangeEvent>().ToList();
        var replayed = FullReplay(fullJournal);
        var synced = Sync(restarted, fullJournal);
        Assert.Equal(journal.Count + 5, fullJournal.Count);
        Assert.True(synced.MissedFills.Count >= 10, $"only {synced.MissedFills.Count} fills");
        Assert.Equal(replayed.FillsSince(Trader, 0), synced.MissedFills);
        Assert.Equal(
            fullJournal.OfType<ExchangeOrderAccepted>().Select(a => replayed.OrderStatusOf(Trader, a.ClientOrderId)),
            synced.Statuses);
    }

    [Fact]
    public async Task Only_the_latest_snapshot_is_kept()
    {
        var journal = await SeedJournal();
        var book = StartBook(snapshotEvery: 2);
        RecoveredAfterReplaying();

        Place(book, "after-1", "after-2", "after-3", "after-4", "after-5");

        // Snapshots at +1, +3 and +5; each one saved deletes those before it.
        AwaitSnapshotsAt(journal.Count + 5);
    }

    [Fact]
    public async Task A_corrupt_snapshot_falls_back_to_a_full_replay_and_is_reported()
    {
        var journal = await SeedJournal();
        var book = StartBook(snapshotEvery: 1_000);
        RecoveredAfterReplaying();
        Place(book, "after-1");
        AwaitSnapshotsAt(journal.Count + 1);
        Stop(book);
        CorruptSnapshots();

        // Under its back-off supervisor, as in a run: the incarnation that finds the bad snapshot deletes it and stops.
        var restarted = Sys.ActorOf(new RestartBackoff(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), 0)
            .Supervise(OrderBookActor.Props(Settings(1_000), CreateTestProbe().Ref, metrics.Ref), "book"));

        var error = metrics.FishForMessage<ReportError>(e => e.Kind == ErrorKind.Database);
        Assert.Contains("unreadable", error.Message);
        Assert.Equal(persistenceId, error.Source);
        Assert.Equal(journal.Count + 1, RecoveredAfterReplaying());
        Assert.Empty(SnapshotSequenceNumbers());
        var fullJournal = (await JournalReader.EventsOf(Sys, persistenceId)).OfType<IExchangeEvent>().ToList();
        Assert.Equal(FullReplay(fullJournal).FillsSince(Trader, 0), Sync(restarted, fullJournal).MissedFills);
    }

    private void CorruptSnapshots() =>
        Assert.Equal(1, SnapshotTable.Overwrite(Journal, persistenceId, "{\"IsClosed\": tru"u8.ToArray()));
}
