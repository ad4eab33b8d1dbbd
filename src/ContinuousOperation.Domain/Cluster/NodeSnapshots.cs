using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Domain.Cluster;

/// <summary>
/// The latest metrics snapshot of every node process the run has had, live or gone. A node's counters live in its
/// process: when it is killed, what it counted is kept from its last snapshot rather than lost, so the totals of a run
/// with node faults undercount by at most one refresh interval of the killed node's work.
/// </summary>
public sealed class NodeSnapshots
{
    private readonly Dictionary<(string Node, long Incarnation), MetricsSnapshot> latest = new();

    /// <summary>Every incarnation of a node (a node started again after a kill is another process) is kept under the
    /// node's name: the report shows one node whose line breaks where it was down.</summary>
    public void Record(string node, long incarnation, MetricsSnapshot snapshot) => latest[(node, incarnation)] = snapshot;

    public int Count => latest.Count;

    public IReadOnlyDictionary<TradingCounter, long> Counters() => latest.Values.SelectMany(s => s.Counters)
        .GroupBy(c => c.Key).ToDictionary(g => g.Key, g => g.Sum(c => c.Value));

    public IReadOnlyList<ErrorSummary> Errors() => ErrorSummaries.Merge(latest.Values.SelectMany(s => s.Errors));

    /// <summary>The run's progress line from the nodes' latest counts; memory and CPU are the busiest node's latest
    /// sample.</summary>
    public ProgressLine Progress(TimeSpan elapsed, TimeSpan runDuration) => ProgressLine.Compose(
        elapsed, runDuration, Errors().Where(e => e.Severity.CountsAgainstRun()).Sum(e => e.Count),
        Counters().GetValueOrDefault(TradingCounter.OrdersPlaced), Counters().GetValueOrDefault(TradingCounter.FillsApplied),
        latest.Values.Select(s => s.Samples.LastOrDefault()).OfType<ResourceSample>().MaxBy(s => s.WorkingSetMb));

    public MergedMetrics Merged() =>
        ClusterMetrics.Merge(latest.OrderBy(n => n.Key.Node, StringComparer.Ordinal).ThenBy(n => n.Value.StartedAt)
            .Select(n => new NodeMetrics(n.Key.Node, n.Value)).ToArray());
}
