using System.Text.Json;
using ContinuousOperation.Domain.Reporting;
using static ContinuousOperation.Domain.Tests.Reporting.ReportFixtures;

namespace ContinuousOperation.Domain.Tests.Reporting;

public class ClusterReportTests
{
    private static JsonElement Json(RunReport report) =>
        JsonDocument.Parse(JsonSerializer.Serialize(report, ReportJson.Report)).RootElement;

    [Fact]
    public void A_single_node_report_has_a_null_cluster_section_and_keeps_the_seed_keys_first()
    {
        var json = Json(Passing());

        Assert.Equal(JsonValueKind.Null, json.GetProperty("cluster").ValueKind);
        Assert.Equal(["test_type", "duration_hours", "consistency_valid", "metrics", "success"],
            json.EnumerateObject().Take(5).Select(p => p.Name));
    }

    [Fact]
    public void The_seed_figures_of_a_cluster_run_average_the_nodes_and_keep_the_busiest_nodes_peak()
    {
        var metrics = ClusterFixtures.Report().Metrics;

        // node-1 100 MB, node-2 200 MB for 5 samples then 120 MB for 5, node-3 300 MB: (100 + 160 + 300) / 3.
        Assert.Equal(560.0 / 3, metrics.AverageMemoryMb, precision: 6);
        Assert.Equal(300, metrics.PeakMemoryMb);
        Assert.Equal(30, metrics.AverageCpuPercent, precision: 6);
        Assert.Equal(300, metrics.OrdersPlaced);
    }

    [Fact]
    public void The_cluster_section_lists_nodes_membership_allocation_handoffs_and_only_the_node_faults()
    {
        var cluster = Json(ClusterFixtures.Report()).GetProperty("cluster");

        Assert.Equal(["nodes", "membership", "allocation", "handoffs", "node_faults"], cluster.EnumerateObject().Select(p => p.Name));
        var node2 = cluster.GetProperty("nodes")[1];
        Assert.Equal(("node-2", "akka.tcp://soak@127.0.0.1:4102", "trading", 2002),
            (node2.GetProperty("name").GetString(), node2.GetProperty("address").GetString(), node2.GetProperty("role").GetString(),
                node2.GetProperty("pid").GetInt32()));
        Assert.Equal(10, node2.GetProperty("resources").GetArrayLength());
        Assert.Equal(200, node2.GetProperty("peak_memory_mb").GetDouble());

        var changes = cluster.GetProperty("membership").EnumerateArray()
            .Where(m => m.GetProperty("node").GetString() == "node-2")
            .Select(m => (m.GetProperty("elapsed_seconds").GetDouble(), m.GetProperty("change").GetString()));
        Assert.Equal([(3.0, "joined"), (6.0, "up"), (125.0, "unreachable"), (145.0, "downed"), (146.0, "removed"), (160.0, "rejoined"), (163.0, "up")], changes);

        var allocation = cluster.GetProperty("allocation");
        var last = allocation[allocation.GetArrayLength() - 1];
        Assert.Equal(300, last.GetProperty("elapsed_seconds").GetDouble());
        Assert.Equal(2, last.GetProperty("nodes").GetProperty("node-1").GetProperty("books").GetInt32());
        Assert.Equal(2, last.GetProperty("nodes").GetProperty("node-3").GetProperty("traders").GetInt32());
        Assert.False(last.GetProperty("nodes").TryGetProperty("node-2", out _));

        var handoffs = cluster.GetProperty("handoffs").EnumerateArray()
            .Select(h => (h.GetProperty("symbol").GetString(), h.GetProperty("entity").GetString(), h.GetProperty("from_node").GetString(),
                h.GetProperty("to_node").GetString()));
        Assert.Equal([("ETH-USDT", "order_book", "node-2", "node-1"), ("ETH-USDT", "trader", "node-2", "node-3")], handoffs);

        var kill = Assert.Single(cluster.GetProperty("node_faults").EnumerateArray());
        Assert.Equal(("node-kill", "node 2", 36.0, "recovered"),
            (kill.GetProperty("kind").GetString(), kill.GetProperty("target").GetString(), kill.GetProperty("seconds_to_recover").GetDouble(),
                kill.GetProperty("outcome").GetString()));
    }
}
