using ContinuousOperation.Domain.Cluster;
using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Reporting;
using static ContinuousOperation.Domain.Tests.Reporting.ReportFixtures;

namespace ContinuousOperation.Domain.Tests.Reporting;

/// <summary>
/// A made-up five-minute run on three trading nodes with three symbols, each node hosting one symbol's book and trader.
/// At 120 s node-2 is killed: it is unreachable at 125 s, downed at 145 s, and started again, rejoining at 160 s; ETH's
/// book starts on node-1 at 150 s and its trader on node-3 at 156 s, which ends the kill after 36 s. A trader crash on
/// BTC at 60 s recovers in 1 s. Node memory: node-1 100 MB, node-2 200 MB (120 MB after its restart), node-3 300 MB.
/// </summary>
internal static class ClusterFixtures
{
    public static readonly Symbol Btc = new("BTC-USDT");
    public static readonly Symbol Eth = new("ETH-USDT");
    public static readonly Symbol Sol = new("SOL-USDT");

    public static RunReport Report()
    {
        var (history, faults) = Events();
        var merged = ClusterMetrics.Merge(
        [
            Node("node-1", _ => 100, cpu: 20),
            Node("node-2", t => t is > 120 and < 160 ? null : t <= 120 ? 200 : 120, cpu: 30),
            Node("node-3", _ => 300, cpu: 40),
        ]);
        return Build(new RunResult(merged.Whole, Consistent, false, Start, Start.AddSeconds(300), faults)
        {
            Cluster = new ClusterRun(history, merged.Nodes),
        });
    }

    private static (ClusterHistory, FaultReport) Events()
    {
        var timeline = new ClusterTimeline();
        var ledger = new FaultLedger([Btc, Eth, Sol]);
        for (var i = 1; i <= 3; i++)
        {
            var node = $"node-{i}";
            timeline.NodeStarted(new ClusterNode(node, $"akka.tcp://soak@127.0.0.1:{4100 + i}", "trading", 1000 + i));
            timeline.MemberChanged(At(1 + i), node, MembershipChange.Joined);
            timeline.MemberChanged(At(4 + i), node, MembershipChange.Up);
        }

        var homes = new[] { (Btc, "node-1"), (Eth, "node-2"), (Sol, "node-3") };
        foreach (var (symbol, node) in homes) timeline.Placed(new EntityPlacement(At(10), new HostedEntity(EntityKind.OrderBook, symbol), node));
        foreach (var (symbol, node) in homes) timeline.Placed(new EntityPlacement(At(11), new HostedEntity(EntityKind.Trader, symbol), node));

        var crash = new ScheduledFault(1, TimeSpan.FromSeconds(60), FaultKind.TraderCrash, Btc, null, TimeSpan.Zero, 1, TimeSpan.FromSeconds(30));
        ledger.Injected(crash, At(60));
        ledger.Applied(1, At(60));
        ledger.Observe(new EntityRecovered(EntityKind.Trader, Btc, At(61)));

        var kill = new ScheduledFault(2, TimeSpan.FromSeconds(120), FaultKind.NodeKill, null, null, TimeSpan.FromSeconds(30), 1,
            TimeSpan.FromSeconds(60), Node: 2);
        ledger.NodeFaultInjected(kill, At(120), timeline.HostedBy("node-2"));
        timeline.MemberChanged(At(125), "node-2", MembershipChange.Unreachable);
        timeline.MemberChanged(At(145), "node-2", MembershipChange.Downed);
        timeline.MemberChanged(At(146), "node-2", MembershipChange.Removed);
        timeline.Placed(new EntityPlacement(At(150), new HostedEntity(EntityKind.OrderBook, Eth), "node-1"));
        ledger.Observe(new EntityRecovered(EntityKind.OrderBook, Eth, At(150), StartedAt: At(149)));
        timeline.NodeStarted(new ClusterNode("node-2", "akka.tcp://soak@127.0.0.1:4102", "trading", 2002));
        timeline.Placed(new EntityPlacement(At(156), new HostedEntity(EntityKind.Trader, Eth), "node-3"));
        ledger.Observe(new EntityRecovered(EntityKind.Trader, Eth, At(156), StartedAt: At(155)));
        timeline.MemberChanged(At(160), "node-2", MembershipChange.Joined);
        timeline.MemberChanged(At(163), "node-2", MembershipChange.Up);
        return (timeline.History(At(300)), ledger.Report("light"));
    }

    /// <summary>A node sampled every 30 s over the run; <paramref name="memoryAt"/> null where it was down.</summary>
    private static NodeMetrics Node(string name, Func<double, double?> memoryAt, double cpu)
    {
        var samples = Enumerable.Range(0, 11).Select(i => i * 30.0)
            .Where(t => memoryAt(t) is not null)
            .Select(t => new ResourceSample(At(t), TimeSpan.FromSeconds(t), memoryAt(t)!.Value, memoryAt(t)!.Value / 2, (int)t / 10, 0, 0,
                cpu, cpu * 2, 25, Activity: new ActivityCounts((long)t, (long)t / 2, 0, 0)))
            .ToArray();
        return new NodeMetrics(name, new MetricsSnapshot(Start, TimeSpan.FromSeconds(300),
            new Dictionary<TradingCounter, long> { [TradingCounter.OrdersPlaced] = 100 }, samples, []));
    }

    private static DateTimeOffset At(double seconds) => Start.AddSeconds(seconds);
}
