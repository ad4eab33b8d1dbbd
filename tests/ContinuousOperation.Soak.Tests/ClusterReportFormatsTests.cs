using System.Text;
using System.Text.RegularExpressions;
using ContinuousOperation.Cli.Reporting;
using ContinuousOperation.Domain.Cluster;
using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Criteria;
using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Reporting;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Soak.Tests;

/// <summary>
/// The report files of a made-up ten-minute cluster run, drawn by the real chart renderer: three trading nodes with two
/// symbols each; node-2 is killed at 4 min, downed at 4.5 min (its four entities start on node-1 and node-3) and
/// started again, rejoining at 5 min.
/// </summary>
public sealed class ClusterReportFormatsTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 1, 0, 0, TimeSpan.Zero);
    private static readonly string[] ClusterCharts = ["cluster", "node-memory", "node-cpu"];
    private readonly RunFolder folder = new(Directory.CreateTempSubdirectory("cluster-report-").FullName, "20261128_010000");

    public void Dispose() => Directory.Delete(folder.Path, recursive: true);

    [Fact]
    public void A_cluster_report_draws_its_membership_and_per_node_charts_and_the_page_embeds_them()
    {
        ReportFormats.Write(folder, MadeUpClusterReport());

        Assert.All(ClusterCharts, name => Assert.True(new FileInfo(Path.Combine(folder.ChartsFolder, $"{name}.png")).Length > 5_000, name));
        var html = File.ReadAllText(folder.HtmlFile);
        var charts = Regex.Matches(html, "<figure id=\"chart-([\\w-]+)\"><img alt=\"[^\"]+\" src=\"data:image/svg\\+xml;base64,([^\"]+)\">");
        Assert.Equal(ClusterCharts, charts.Select(m => m.Groups[1].Value).TakeLast(3));
        Assert.Contains("node-2 entities", Encoding.UTF8.GetString(Convert.FromBase64String(charts[^3].Groups[2].Value)));
        Assert.Contains("<h2>Cluster (3 nodes)</h2>", html);
        Assert.Contains("### Cluster", File.ReadAllText(folder.MarkdownFile));
    }

    private static RunReport MadeUpClusterReport()
    {
        var symbols = InstrumentCatalog.First(6);
        var timeline = new ClusterTimeline();
        var ledger = new FaultLedger(symbols.Select(i => i.Symbol).ToArray());
        for (var n = 1; n <= 3; n++)
        {
            timeline.NodeStarted(new ClusterNode($"node-{n}", $"akka.tcp://soak@127.0.0.1:{4100 + n}", "trading", 3000 + n));
            timeline.MemberChanged(At(n), $"node-{n}", MembershipChange.Joined);
            timeline.MemberChanged(At(3 + n), $"node-{n}", MembershipChange.Up);
        }

        for (var i = 0; i < symbols.Count; i++)
        foreach (var entity in new[] { EntityKind.OrderBook, EntityKind.Trader })
            timeline.Placed(new EntityPlacement(At(10 + i), new HostedEntity(entity, symbols[i].Symbol), $"node-{i % 3 + 1}"));

        var kill = new ScheduledFault(1, TimeSpan.FromMinutes(4), FaultKind.NodeKill, null, null, TimeSpan.FromSeconds(45), 1,
            TimeSpan.FromSeconds(60), Node: 2);
        var hosted = timeline.HostedBy("node-2");
        ledger.NodeFaultInjected(kill, At(240), hosted);
        timeline.MemberChanged(At(248), "node-2", MembershipChange.Unreachable);
        timeline.MemberChanged(At(270), "node-2", MembershipChange.Downed);
        timeline.MemberChanged(At(271), "node-2", MembershipChange.Removed);
        var moved = 0;
        foreach (var entity in hosted)
        {
            var at = At(274 + 2 * moved);
            timeline.Placed(new EntityPlacement(at, entity, moved++ % 2 == 0 ? "node-1" : "node-3"));
            ledger.Observe(new EntityRecovered(entity.Entity, entity.Symbol, at, StartedAt: at.AddSeconds(-1)));
        }

        timeline.NodeStarted(new ClusterNode("node-2", "akka.tcp://soak@127.0.0.1:4102", "trading", 3102));
        timeline.MemberChanged(At(300), "node-2", MembershipChange.Joined);
        timeline.MemberChanged(At(303), "node-2", MembershipChange.Up);

        var merged = ClusterMetrics.Merge(
        [
            Node("node-1", baseMb: 180, cpu: 22, running: _ => true),
            Node("node-2", baseMb: 160, cpu: 18, running: t => t is < 240 or >= 300),
            Node("node-3", baseMb: 200, cpu: 25, running: _ => true),
        ]);
        var settings = new RunSettings(TimeSpan.FromMinutes(10), symbols, 7, new MarketSettings(), 5, TimeSpan.FromSeconds(10),
            TimeSpan.FromMinutes(1), new CriteriaThresholds()) { Faults = FaultProfile.Light, Run = RunId.New(Start, 7, new Random(1)) };
        var consistency = new ConsistencyReport(
            Enum.GetValues<Invariant>().Select(i => new InvariantResult(i, InvariantCatalog.NameOf(i), InvariantCatalog.DescriptionOf(i),
                InvariantState.Holds, [])).ToArray(), symbols.Select(i => i.Symbol).ToArray(), 5000, 9000);
        return RunReportBuilder.Build(settings, new DatabaseDescription("postgresql", "127.0.0.1:5432/soak"),
            new RunResult(merged.Whole, consistency, false, Start, At(600), ledger.Report(FaultProfile.Light.Name))
            {
                Cluster = new ClusterRun(timeline.History(At(600)), merged.Nodes),
            });
    }

    /// <summary>A node sampled every 10 s while running, its memory restarting low after a restart and settling.</summary>
    private static NodeMetrics Node(string name, double baseMb, double cpu, Func<double, bool> running)
    {
        var samples = Enumerable.Range(0, 61).Select(i => i * 10.0).Where(running)
            .Select(t => new ResourceSample(At(t), TimeSpan.FromSeconds(t), baseMb + 20 * Math.Sin(t / 60) + (t >= 300 && !running(250) ? -60 + t / 10 : 0),
                baseMb / 2, (int)(t / 5), (int)(t / 60), 0, cpu + 5 * Math.Cos(t / 45), 2 * cpu, 30,
                Activity: new ActivityCounts((long)(t * 3), (long)(t * 2), 0, name == "node-1" && t >= 240 ? 1 : 0)))
            .ToArray();
        return new NodeMetrics(name, new MetricsSnapshot(Start, TimeSpan.FromMinutes(10),
            new Dictionary<TradingCounter, long> { [TradingCounter.OrdersPlaced] = 1800 }, samples, [], TimeSpan.FromMinutes(10)));
    }

    private static DateTimeOffset At(double seconds) => Start.AddSeconds(seconds);
}
