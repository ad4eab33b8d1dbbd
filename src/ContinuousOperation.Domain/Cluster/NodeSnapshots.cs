using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Domain.Cluster;

/// <summary>
/// The latest metrics snapshot of every node process the run has had, live or gone. A node's counters live in its
/// process: when it is killed, what it counted is kept from its last snapshot rather than lost, so the totals of a run
/// with node faults undercount by at most one refresh interval of the killed node's work.
/// </summary>
public sealed class NodeSnapshots
{
    private readonly Dictionary<string, MetricsSnapshot> latest = new();

    public void Record(string node, MetricsSnapshot snapshot) => latest[node] = snapshot;

    public int Count => latest.Count;

    public IReadOnlyDictionary<TradingCounter, long> Counters() => latest.Values.SelectMany(s => s.Counters)
        .GroupBy(c => c.Key).ToDictionary(g => g.Key, g => g.Sum(c => c.Value));

    public IReadOnlyList<ErrorSummary> Errors() => ErrorSummaries.Merge(latest.Values.SelectMany(s => s.Errors));

    public MergedMetrics Merged() =>
        ClusterMetrics.Merge(latest.OrderBy(n => n.Key, StringComparer.Ordinal).Select(n => new NodeMetrics(n.Key, n.Value)).ToArray());
}
