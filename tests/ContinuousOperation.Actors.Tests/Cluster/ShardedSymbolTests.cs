using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using Akka.Configuration;
using Akka.TestKit.TestActors;
using ContinuousOperation.Actors.Cluster;
using ContinuousOperation.Actors.Consistency;
using ContinuousOperation.Actors.Exchange;
using ContinuousOperation.Actors.Run;
using ContinuousOperation.Actors.Tests.Faults;
using ContinuousOperation.Actors.Tests.Support;
using ContinuousOperation.Actors.Tests.Trading;
using ContinuousOperation.Actors.Topology;
using ContinuousOperation.Actors.Trading;
using ContinuousOperation.Actors.Wire;
using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Trading;
using static ContinuousOperation.Actors.Tests.Faults.VenueHarness;

namespace ContinuousOperation.Actors.Tests.Cluster;

/// <summary>
/// Three actor systems in one process form a cluster on free 127.0.0.1 ports and share one journal: this test kit's
/// system is the control node (region proxies, the keep-alive, the recovery signals, the reconciliation), the two
/// others are trading nodes hosting the shard regions of books and traders. A book and a trader trade through the
/// seams, wherever their shards landed; the trader's node is killed mid-stream and downed, its entities start again
/// on the survivor from the shared journal, and reconciliation finds every fill exactly once on both sides.
/// </summary>
public sealed class ShardedSymbolTests : SqliteTestKit
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private readonly List<ActorSystem> tradingNodes = [];

    public ShardedSymbolTests() : base(TempSqliteJournal.Create(), NodeConfig("control"))
    {
    }

    private static Config NodeConfig(string role) => ConfigurationFactory.ParseString($$"""
        akka.actor.provider = cluster
        akka.remote.dot-netty.tcp { hostname = 127.0.0.1, port = 0 }
        akka.cluster {
          roles = [{{role}}]
          # The test downs the node it kills itself, at once.
          downing-provider-class = ""
          sharding { state-store-mode = ddata, role = trading }
        }
        akka.coordinated-shutdown { run-by-clr-shutdown-hook = off, exit-clr = off }
        akka.loglevel = WARNING
        {{WireBindings.Hocon}}
        """);

    [Fact]
    public async Task A_symbol_sharded_across_nodes_trades_and_survives_the_loss_of_its_traders_node_with_every_fill_once()
    {
        var control = Akka.Cluster.Cluster.Get(Sys);
        control.Join(control.SelfAddress);
        for (var i = 0; i < 2; i++) tradingNodes.Add(StartTradingNode(control.SelfAddress));
        await AwaitAssertAsync(() => Assert.Equal(3, control.State.Members.Count(m => m.Status == MemberStatus.Up)), Patience);

        var shards = SymbolShards.Instance;
        var exchange = ClusterSharding.Get(Sys).StartProxy("venue", "trading", shards);
        var traders = ClusterSharding.Get(Sys).StartProxy("trader", "trading", shards);
        Sys.ActorOf(SignalRelay.Props());
        var up = CreateTestProbe();
        Sys.EventStream.Subscribe(up.Ref, typeof(EntityRecovered));
        await EveryNodeReachesThisRelay();
        KeepStarted(exchange, traders);

        up.FishForMessage<EntityRecovered>(r => r.Entity == EntityKind.Trader, Patience);
        await AwaitFillsBeyond(3);

        var victim = await NodeHostingTrader(traders);
        var killedAt = DateTimeOffset.UtcNow;
        var fillsAtKill = await JournaledFills();
        await tradingNodes.Single(n => Akka.Cluster.Cluster.Get(n).SelfAddress == victim).Terminate();
        control.Down(victim);

        var back = up.FishForMessage<EntityRecovered>(r => r.Entity == EntityKind.Trader && r.At > killedAt, Patience);
        Assert.NotEqual(victim, await NodeHostingTrader(traders));
        Assert.True(back.EventsReplayed > 0, "the trader came back from the shared journal");
        await AwaitFillsBeyond(fillsAtKill + 3);

        await Sys.ActorOf(TradersDrain.Props(traders, [Btc.Symbol])).Ask<AllTradersDrained>(StopTrading.Instance, Patience);
        await exchange.Ask<BookClosedAck>(new CloseBook(Btc.Symbol), Patience);
        var report = await Sys.ActorOf(ConsistencyActor.Props(TempSqliteJournal.ReadJournalPluginId))
            .Ask<ConsistencyReport>(TestRun.Reconcile(Btc.Symbol), Patience);
        Assert.True(report.IsValid, Describe(report));
        await AssertTraderSeesEveryVenueFillOnce();
    }

    protected override void AfterAll()
    {
        foreach (var node in tradingNodes) node.Terminate().Wait(TimeSpan.FromSeconds(10));
        base.AfterAll();
    }

    private ActorSystem StartTradingNode(Address seed)
    {
        var node = ActorSystem.Create(Sys.Name, NodeConfig("trading").WithFallback(Journal.Config));
        Akka.Cluster.Cluster.Get(node).Join(seed);
        var shards = SymbolShards.Instance;
        var metrics = node.ActorOf(BlackHoleActor.Props);
        var backoff = new RestartBackoff(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), 0);
        var sharding = ClusterSharding.Get(node);
        var settings = ClusterShardingSettings.Create(node).WithRole("trading");
        var market = new ExchangeSettings([Btc], new MarketSettings(MarketCondition.Ranging), FeeSchedule.Default, Seed: 42,
            Speed: 5, TickInterval: TimeSpan.FromMilliseconds(50), HeartbeatInterval: TimeSpan.FromMilliseconds(500), backoff)
        {
            Run = TestRun.Id,
        };
        var exchange = sharding.Start("venue",
            symbol => RunTopology.ExchangeEntity(market, new Symbol(symbol), metrics), settings, shards);
        sharding.Start("trader",
            _ => RunTopology.TraderEntity(TraderSettings(), new DefaultStrategy(Btc, Busy), backoff, exchange, metrics),
            settings, shards);
        node.ActorOf(SignalRelay.Props());
        return node;
    }

    /// <summary>A signal is published to the subscribers its node's mediator knows, and subscriptions spread by gossip
    /// (every second): an entity that starts before its node has heard of this system's relay announces its start to
    /// nobody here, and it announces it only once. So each node pings through its relay until the ping arrives.</summary>
    private async Task EveryNodeReachesThisRelay()
    {
        var heard = CreateTestProbe();
        Sys.EventStream.Subscribe(heard.Ref, typeof(DuplicateIgnored));
        foreach (var (node, index) in tradingNodes.Select((node, index) => (node, index)))
        {
            var ping = new Symbol($"PING{index}-USDT");
            await AwaitAssertAsync(() =>
            {
                node.EventStream.Publish(new DuplicateIgnored(ping, StreamChannel.MarketData, DateTimeOffset.UtcNow));
                heard.FishForMessage<DuplicateIgnored>(d => d.Symbol == ping, TimeSpan.FromMilliseconds(500));
            }, Patience, TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>What the coordinator does: entities start (again) when a message comes for them.</summary>
    private void KeepStarted(IActorRef exchange, IActorRef traders)
    {
        foreach (var seam in new[] { exchange, traders })
            Sys.Scheduler.ScheduleTellRepeatedly(TimeSpan.Zero, TimeSpan.FromMilliseconds(500), seam, new EnsureStarted(Btc.Symbol),
                ActorRefs.NoSender);
    }

    private async Task<Address> NodeHostingTrader(IActorRef traders)
    {
        Address? host = null;
        await AwaitAssertAsync(async () =>
        {
            var stats = await traders.Ask<ClusterShardingStats>(new GetClusterShardingStats(TimeSpan.FromSeconds(3)), TimeSpan.FromSeconds(5));
            host = Assert.Single(stats.Regions, r => r.Value.Stats.Values.Sum() > 0).Key;
        }, Patience, TimeSpan.FromMilliseconds(250));
        return host!;
    }

    private async Task<IReadOnlyList<object>> TraderJournal() =>
        await JournalReader.EventsOf(Sys, JournalNames.Trader(TestRun.Id, Btc.Symbol));

    private async Task<int> JournaledFills() => (await TraderJournal()).OfType<FillApplied>().Count();

    private async Task AwaitFillsBeyond(int count) =>
        await AwaitAssertAsync(async () => Assert.True(await JournaledFills() > count), Patience, TimeSpan.FromMilliseconds(250));

    private async Task AssertTraderSeesEveryVenueFillOnce()
    {
        var venue = (await JournalReader.EventsOf(Sys, JournalNames.Exchange(TestRun.Id, Btc.Symbol))).OfType<IExchangeEvent>();
        var venueFills = TradesExecuted.In(venue).SelectMany(t => new[] { t.Buyer, t.Seller })
            .Where(leg => leg.Account == Trader).Select(leg => leg.FillId.Value).Order().ToArray();
        var traderFills = (await TraderJournal()).OfType<FillApplied>().Select(f => f.FillId.Value).Order().ToArray();
        Assert.NotEmpty(traderFills);
        Assert.Equal(traderFills.Distinct().Count(), traderFills.Length);
        Assert.Equal(venueFills, traderFills);
    }
}
