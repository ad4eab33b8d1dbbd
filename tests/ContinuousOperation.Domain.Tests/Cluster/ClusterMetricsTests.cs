using ContinuousOperation.Domain.Cluster;
using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Domain.Tests.Cluster;

public class ClusterMetricsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 1, 0, 0, TimeSpan.Zero);

    /// <summary>A node sampled every 30 s from <paramref name="fromSeconds"/> to <paramref name="toSeconds"/> (of the
    /// run's clock) at a constant working set and CPU, with cumulative orders growing by <paramref name="ordersPer30s"/>.</summary>
    private static NodeMetrics Node(string name, double fromSeconds, double toSeconds, double memoryMb, double cpu,
        long ordersPer30s = 0, IReadOnlyList<ErrorSummary>? errors = null, Dictionary<TradingCounter, long>? counters = null,
        IReadOnlyDictionary<string, LatencySummary>? latencies = null)
    {
        var start = T0.AddSeconds(fromSeconds);
        var samples = new List<ResourceSample>();
        for (var (t, i) = (fromSeconds, 0); t <= toSeconds; t += 30, i++)
        {
            samples.Add(new ResourceSample(T0.AddSeconds(t), TimeSpan.FromSeconds(t - fromSeconds), memoryMb, memoryMb / 2, i, 0, 0,
                cpu, cpu * 2, 20, Activity: new ActivityCounts(ordersPer30s * i, 0, 0, 0)));
        }

        return new NodeMetrics(name, new MetricsSnapshot(start, TimeSpan.FromSeconds(toSeconds - fromSeconds),
            counters ?? new Dictionary<TradingCounter, long>(), samples, errors ?? [], Latencies: latencies));
    }

    private static ErrorSummary Error(string source, long count, double lastSeconds) =>
        new(ErrorKind.Api, ErrorSeverity.Error, source, count, T0, T0.AddSeconds(lastSeconds), $"timeout at {lastSeconds}");

    [Fact]
    public void Counters_and_errors_of_the_nodes_add_up()
    {
        var merged = ClusterMetrics.Merge(
        [
            Node("node-1", 0, 300, 100, 10, errors: [Error("trader BTC-USDT", 2, 10)],
                counters: new() { [TradingCounter.OrdersPlaced] = 40, [TradingCounter.OrdersFilled] = 30 }),
            Node("node-2", 0, 300, 100, 10, errors: [Error("trader BTC-USDT", 3, 90), Error("trader ETH-USDT", 1, 5)],
                counters: new() { [TradingCounter.OrdersPlaced] = 25 }),
        ]).Whole;

        Assert.Equal(65, merged.Counter(TradingCounter.OrdersPlaced));
        Assert.Equal(30, merged.Counter(TradingCounter.OrdersFilled));
        Assert.Equal(6, merged.TotalErrors);
        var btc = merged.Errors.Single(e => e.Source == "trader BTC-USDT");
        Assert.Equal((5L, "timeout at 90"), (btc.Count, btc.LastMessage));
    }

    [Fact]
    public void Each_node_counts_once_in_the_averages_a_late_joiner_too_and_the_peak_is_the_busiest_node()
    {
        var nodes = ClusterMetrics.Merge(
        [
            Node("node-1", 0, 600, memoryMb: 100, cpu: 10),
            Node("node-2", 0, 600, memoryMb: 200, cpu: 20),
            Node("node-3", 540, 600, memoryMb: 600, cpu: 60), // joined late: 3 samples against 21
        ]).Nodes;

        var figures = ResourceFigures.AcrossNodes(nodes.Select(n => n.Figures));

        Assert.Equal(300, figures.AverageMemoryMb, precision: 6);
        Assert.Equal(30, figures.AverageCpuPercent, precision: 6);
        Assert.Equal(600, figures.PeakMemoryMb);
        Assert.Equal([100.0, 200, 600], nodes.Select(n => n.Figures.PeakMemoryMb));
    }

    [Fact]
    public void The_merged_series_is_the_average_node_of_those_running_with_the_clusters_total_activity()
    {
        var merged = ClusterMetrics.Merge(
        [
            Node("node-1", 0, 120, memoryMb: 100, cpu: 10, ordersPer30s: 5),
            Node("node-2", 60, 120, memoryMb: 300, cpu: 30, ordersPer30s: 7),
        ]).Whole;

        Assert.Equal([0.0, 30, 60, 90, 120], merged.Samples.Select(s => s.Elapsed.TotalSeconds));
        Assert.Equal([100.0, 100, 200, 200, 200], merged.Samples.Select(s => s.WorkingSetMb));
        Assert.Equal([0L, 5, 10, 22, 34], merged.Samples.Select(s => s.Activity!.OrdersPlaced));
        Assert.Equal(T0, merged.StartedAt);
        Assert.Equal(TimeSpan.FromSeconds(120), merged.Elapsed);
    }

    [Fact]
    public void A_node_that_stopped_sampling_leaves_the_average_and_its_own_series_is_on_the_runs_clock()
    {
        var result = ClusterMetrics.Merge(
        [
            Node("node-1", 0, 120, memoryMb: 100, cpu: 10),
            Node("node-2", 0, 30, memoryMb: 300, cpu: 30), // killed after its second sample
            Node("node-2#2", 90, 120, memoryMb: 500, cpu: 30), // started again
        ]);

        Assert.Equal([200.0, 200, 100, 300, 300], result.Whole.Samples.Select(s => s.WorkingSetMb));
        Assert.Equal([90.0, 120], result.Nodes[2].Samples.Select(s => s.Elapsed.TotalSeconds));
    }

    [Fact]
    public void Latencies_add_their_counts_weigh_their_means_and_bound_percentiles_from_above()
    {
        var merged = ClusterMetrics.Merge(
        [
            Node("node-1", 0, 60, 100, 10, latencies: new Dictionary<string, LatencySummary> { ["order_round_trip"] = new(100, 2, 1, 5, 9) }),
            Node("node-2", 0, 60, 100, 10, latencies: new Dictionary<string, LatencySummary> { ["order_round_trip"] = new(300, 4, 3, 8, 20) }),
        ]).Whole;

        Assert.Equal(new LatencySummary(400, 3.5, 3, 8, 20), merged.Latencies!["order_round_trip"]);
    }

    [Fact]
    public void The_merged_series_carries_the_worst_of_the_nodes_latest_interval_latencies()
    {
        static NodeMetrics WithIntervalLatency(NodeMetrics node, double p99) => node with
        {
            Metrics = node.Metrics with
            {
                Samples = node.Metrics.Samples.Select(s => s with
                {
                    Latencies = new Dictionary<string, LatencySummary> { [LatencyInstruments.OrderRoundTrip] = new(10, 1, 1, p99, p99) },
                }).ToArray(),
            },
        };

        var merged = ClusterMetrics.Merge([WithIntervalLatency(Node("node-1", 0, 60, 100, 10), 5), Node("node-2", 0, 60, 100, 10)]).Whole;
        var both = ClusterMetrics.Merge([WithIntervalLatency(Node("node-1", 0, 60, 100, 10), 5), WithIntervalLatency(Node("node-2", 0, 60, 100, 10), 12)]).Whole;

        Assert.All(merged.Samples, s => Assert.Equal(new LatencySummary(10, 1, 1, 5, 5), s.Latencies![LatencyInstruments.OrderRoundTrip]));
        Assert.All(both.Samples, s => Assert.Equal(new LatencySummary(20, 1, 1, 12, 12), s.Latencies![LatencyInstruments.OrderRoundTrip]));
    }
}
