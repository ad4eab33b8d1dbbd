using Akka.Actor;
using Akka.TestKit;
using ContinuousOperation.Actors.Exchange;
using ContinuousOperation.Actors.Tests.Support;
using ContinuousOperation.Actors.Tests.Trading;
using ContinuousOperation.Actors.Trading;
using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Run;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Actors.Tests.Persistence;

/// <summary>A trader whose journal holds thousands of events snapshots on its next change, and a restart replays only
/// what came after the snapshot and resumes from the state a full replay folds.</summary>
public class TraderSnapshotTests : SqliteTestKit
{
    private static readonly Instrument Btc = InstrumentCatalog.For(new Symbol("BTC-USDT"));
    private static readonly AccountId Account = AccountId.TraderFor(Btc.Symbol);
    private readonly string persistenceId = JournalNames.Trader(TestRun.Id, Btc.Symbol);
    private readonly TestProbe venue;
    private readonly TestProbe recoveries;

    public TraderSnapshotTests()
    {
        venue = CreateTestProbe();
        recoveries = CreateTestProbe();
        Sys.EventStream.Subscribe(recoveries.Ref, typeof(EntityRecovered));
    }

    private static readonly TraderSettings Settings = new(Btc, StartingCash: 100_000m, Seed: 7,
        DecisionInterval: TimeSpan.FromMilliseconds(50), RequestTimeout: TimeSpan.FromSeconds(5),
        // No silence timeout within the test: a sync the first incarnation sends on its own would be taken for the second's.
        StreamSilenceTimeout: TimeSpan.FromHours(1), MarketDataFetchInterval: TimeSpan.FromHours(1))
    {
        Run = TestRun.Id,
        Snapshots = new SnapshotPolicy(1_000),
        // The scripted venue's clock never moves: the trader's own runs on, so it keeps deciding.
        MarketTickInterval = TimeSpan.FromHours(1),
    };

    /// <summary>1,500 orders placed and filled, then one order of 3 left live with nothing filled: 6,003 events.</summary>
    private static (List<ITraderEvent> Events, TraderState State) SeedEvents()
    {
        var state = TraderState.Empty(Btc.Symbol);
        var events = new List<ITraderEvent>();
        void Record(params IEnumerable<ITraderEvent> batch)
        {
            foreach (var e in batch)
            {
                events.Add(e);
                state = state.Apply(e);
            }
        }

        Record(new AccountOpened(Btc.Symbol, Account, 100_000m));
        for (var i = 1; i <= 1_501; i++)
        {
            var side = i % 2 == 0 ? Side.Sell : Side.Buy;
            var quantity = i == 1_501 ? 3m : 0.01m;
            var submitted = state.EventForPlacement(new PlaceOrderIntent(side, OrderType.Limit, 100m, quantity), TimeSpan.FromSeconds(i));
            Record(submitted, new OrderAcknowledged(submitted.ClientOrderId));
            if (i < 1_501) Record(state.EventsForFill(FillOf(submitted.ClientOrderId, side, quantity, state.LastFillSequence + 1)));
        }

        return (events, state);
    }

    private static AccountFill FillOf(ClientOrderId id, Side side, decimal quantity, long sequence) =>
        new(Btc.Symbol, Account, FillId.For(Btc.Symbol, sequence, side), id, side, 100m, quantity, 0.001m, IsMaker: true,
            sequence, TimeSpan.FromSeconds(sequence));

    private IActorRef StartTrader() => Sys.ActorOf(TraderActor.Props(Settings, new ScriptedStrategy(), venue.Ref, CreateTestProbe().Ref));

    [Fact]
    public async Task A_trader_restarted_after_thousands_of_events_replays_only_those_after_its_snapshot()
    {
        var (seed, seeded) = SeedEvents();
        await TestJournal.WriteAsync(Sys, persistenceId, seed.Cast<IJournalEvent>().ToArray());
        var live = Assert.Single(seeded.LiveOrders);

        var trader = StartTrader();
        // The first sync brings a fill: the first change after thousands of events, so a snapshot is due.
        venue.ExpectMsg<SyncAccount>();
        venue.Reply(new AccountSynced(Btc.Symbol, [FillOf(live.Id, live.Side, 1m, seeded.LastFillSequence + 1)],
            [new ExchangeOrderStatus(live.Id, live.Side, live.Type, live.LimitPrice, live.Quantity, 1m, ExchangeOrderState.Live)]));
        Assert.Equal(seed.Count, recoveries.ExpectMsg<EntityRecovered>().EventsReplayed);
        // Saved before the restart, which would otherwise race the save and may find no snapshot yet.
        AwaitAssert(() => Assert.Equal([seed.Count + 2L], SnapshotTable.SequenceNumbers(Journal, persistenceId)),
            TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(50));
        // A second fill, pushed: two more events after the snapshot.
        trader.Tell(new AccountFillReport(FillOf(live.Id, live.Side, 1m, seeded.LastFillSequence + 2)));
        await AwaitAssertAsync(async () => Assert.Equal(seed.Count + 4, (await JournalReader.EventsOf(Sys, persistenceId)).Count),
            TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(50));
        Watch(trader);
        trader.Tell(PoisonPill.Instance);
        ExpectTerminated(trader);

        var restarted = StartTrader();

        SyncAccount sync;
        do sync = venue.FishForMessage<SyncAccount>(_ => true);
        while (!venue.Sender.Equals(restarted));
        var replayed = (await JournalReader.EventsOf(Sys, persistenceId)).OfType<ITraderEvent>()
            .Aggregate(TraderState.Empty(Btc.Symbol), (state, e) => state.Apply(e));
        Assert.Equal(replayed.LastFillSequence, sync.AfterFillSequence);
        Assert.Equal(seeded.LastFillSequence + 2, sync.AfterFillSequence);
        Assert.Equal(replayed.LiveOrders.Select(o => o.Id), sync.BelievedLive);
        venue.Reply(new AccountSynced(Btc.Symbol, [],
            [new ExchangeOrderStatus(live.Id, live.Side, live.Type, live.LimitPrice, live.Quantity, 2m, ExchangeOrderState.Live)]));
        Assert.Equal(2, recoveries.ExpectMsg<EntityRecovered>().EventsReplayed);
    }
}
