using Akka.Actor;
using Akka.TestKit;
using ContinuousOperation.Actors.Consistency;
using ContinuousOperation.Actors.Exchange;
using ContinuousOperation.Actors.Faults;
using ContinuousOperation.Actors.Run;
using ContinuousOperation.Actors.Tests.Exchange;
using ContinuousOperation.Actors.Topology;
using ContinuousOperation.Actors.Tests.Support;
using ContinuousOperation.Actors.Tests.Trading;
using ContinuousOperation.Actors.Trading;
using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Actors.Tests.Faults;

/// <summary>
/// One symbol's real venue and real trader on a real journal, for fault tests: start them, wait for trading, end the
/// run the way the coordinator does (drain, close the book) and reconcile. Also a second paper account that can
/// trade against the trader on demand, so a test can make a fill happen exactly when it needs one.
/// </summary>
internal sealed class VenueHarness(TestKitBase kit)
{
    public static readonly Instrument Btc = InstrumentCatalog.For(new Symbol("BTC-USDT"));
    public static readonly AccountId Trader = AccountId.TraderFor(Btc.Symbol);

    /// <summary>The default strategy, made to trade a lot: many fills in a few seconds.</summary>
    public static readonly StrategySettings Busy = StrategySettings.Default with
    {
        MarketOrderProbability = 0.3,
        MarketableLimitProbability = 0.3,
    };

    /// <summary>Another paper account: its orders are journaled by the venue only, like any other participant's.</summary>
    private static readonly AccountId Counterparty = new("trader-counterparty");

    private readonly TestProbe counterpartyReplies = kit.CreateTestProbe();
    private int counterpartyOrders;

    public IActorRef Exchange { get; private set; } = ActorRefs.Nobody;

    public IActorRef Traders { get; private set; } = ActorRefs.Nobody;

    public TestProbe Metrics { get; } = kit.CreateTestProbe();

    /// <summary>The venue's speed and wall time between its market steps.</summary>
    private const double Speed = 5;

    private static readonly TimeSpan TickInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>A trader deciding every 50 ms of wall time at the venue's speed.</summary>
    public static TraderSettings TraderSettings(RecoveryMechanisms? recovery = null) =>
        new(Btc, StartingCash: 1_000_000m, Seed: 3, DecisionInterval: TimeSpan.FromMilliseconds(50) * Speed,
            RequestTimeout: TimeSpan.FromSeconds(1), StreamSilenceTimeout: TimeSpan.FromSeconds(3),
            MarketDataFetchInterval: TimeSpan.FromHours(1))
        {
            Run = TestRun.Id,
            Recovery = recovery ?? RecoveryMechanisms.All,
            Speed = Speed,
            MarketTickInterval = TickInterval,
        };

    public void Start(ITradingStrategy strategy, TraderSettings? trader = null, RestartBackoff? backoff = null)
    {
        var restart = backoff ?? new RestartBackoff(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), 0);
        var exchange = new ExchangeSettings([Btc], new MarketSettings(MarketCondition.Ranging), FeeSchedule.Default, Seed: 42,
            Speed, TickInterval, HeartbeatInterval: TimeSpan.FromMilliseconds(500), restart)
        {
            Run = TestRun.Id,
        };
        var traderSettings = trader ?? TraderSettings();
        Exchange = kit.Sys.ActorOf(ExchangeFixture.Seam(exchange, Metrics.Ref), "exchange");
        Traders = kit.Sys.ActorOf(SymbolRouter.Props([Btc.Symbol],
            _ => RunTopology.TraderEntity(traderSettings, strategy, restart, Exchange, Metrics.Ref), "trader"), "traders");
        // Entities start when a message comes for them, as the coordinator's keep-alive makes them.
        Exchange.Tell(new EnsureStarted(Btc.Symbol));
        Traders.Tell(new EnsureStarted(Btc.Symbol));
    }

    /// <summary>A fault injector on this venue, its clock started.</summary>
    public IActorRef InjectFaults(FaultInjectorSettings settings, IDatabaseOutage outage)
    {
        var injector = kit.Sys.ActorOf(FaultInjectorActor.Props(settings, Exchange, Traders, Metrics.Ref, outage));
        injector.Tell(StartFaults.Instance);
        return injector;
    }

    public ActorSelection TraderActor => kit.Sys.ActorSelection(Traders.Path / $"trader-{Btc.Symbol}" / "trader");

    /// <summary>Kills the trader (not its back-off supervisor) and waits until it is dead. A trader killed before may
    /// still be waiting for its back-off restart, so this first waits for it to be there.</summary>
    public async Task KillTrader()
    {
        IActorRef trader = ActorRefs.Nobody;
        await kit.AwaitAssertAsync(async () => trader = await TraderActor.ResolveOne(TimeSpan.FromSeconds(1)),
            TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100));
        kit.Watch(trader);
        trader.Tell(Kill.Instance);
        kit.ExpectTerminated(trader);
    }

    public async Task<IReadOnlyList<object>> TraderJournal() => await JournalReader.EventsOf(kit.Sys, JournalNames.Trader(TestRun.Id, Btc.Symbol));

    public async Task<int> JournaledFills() => (await TraderJournal()).OfType<FillApplied>().Count();

    public async Task AwaitFillsBeyond(int count) =>
        await kit.AwaitAssertAsync(async () => Assert.True(await JournaledFills() > count),
            TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(200));

    public async Task<OrderSubmitted> AwaitAcknowledgedOrder()
    {
        OrderSubmitted? order = null;
        await kit.AwaitAssertAsync(async () =>
        {
            var journal = await TraderJournal();
            order = journal.OfType<OrderSubmitted>().First();
            Assert.Contains(journal.OfType<OrderAcknowledged>(), a => a.ClientOrderId == order.ClientOrderId);
        }, TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(100));
        return order!;
    }

    /// <summary>The counterparty takes the trader's resting order: a market order big enough to sweep every level of
    /// the liquidity provider in front of it; what is left of it is dropped, as for any market order.</summary>
    public void TradeAgainst(OrderSubmitted resting) => Sweep(resting.Side == Side.Buy ? Side.Sell : Side.Buy);

    /// <summary>The counterparty takes every resting order of one side of the book, the trader's among them.</summary>
    public void Sweep(Side side)
    {
        var id = new ClientOrderId($"counterparty-{++counterpartyOrders}");
        Exchange.Tell(new PlaceOrder(Btc.Symbol, new OrderRequest(Counterparty, id, side, OrderType.Market, null, 1000m)),
            counterpartyReplies.Ref);
    }

    /// <summary>Ends the run as the coordinator does and reads the journals back. Like the coordinator, a drain that
    /// cannot finish (a trader that believes an order is live that the venue has settled) does not stop reconciliation.</summary>
    public async Task<ConsistencyReport> DrainAndReconcile()
    {
        try
        {
            await kit.Sys.ActorOf(TradersDrain.Props(Traders, [Btc.Symbol]))
                .Ask<AllTradersDrained>(StopTrading.Instance, TimeSpan.FromSeconds(10));
        }
        catch (AskTimeoutException)
        {
            // Reconciliation says what is wrong.
        }

        await Exchange.Ask<BookClosedAck>(new CloseBook(Btc.Symbol), TimeSpan.FromSeconds(10));
        var consistency = kit.Sys.ActorOf(ConsistencyActor.Props(TempSqliteJournal.ReadJournalPluginId));
        return await consistency.Ask<ConsistencyReport>(TestRun.Reconcile(Btc.Symbol), TimeSpan.FromSeconds(30));
    }

    /// <summary>The trader's journal holds exactly the venue's fills for its account.</summary>
    public async Task AssertTraderSeesEveryVenueFill()
    {
        var venueFills = TradesExecuted.In((await JournalReader.EventsOf(kit.Sys, JournalNames.Exchange(TestRun.Id, Btc.Symbol))).OfType<IExchangeEvent>())
            .SelectMany(t => new[] { t.Buyer, t.Seller }).Where(leg => leg.Account == Trader).Select(leg => leg.FillId.Value)
            .Order().ToArray();
        var traderFills = (await TraderJournal()).OfType<FillApplied>().Select(f => f.FillId.Value).Order().ToArray();
        Assert.Equal(venueFills, traderFills);
    }

    public static string Describe(ConsistencyReport report) =>
        string.Join(Environment.NewLine, report.Invariants.SelectMany(i => i.Violations).Select(v => $"{v.Invariant}: {v.Detail}"));
}
