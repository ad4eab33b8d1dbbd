using ContinuousOperation.Domain.Cluster;

namespace ContinuousOperation.Domain.Reporting.Charts;

/// <summary>The charts only a cluster run has: what each node hosted against how many members were up (a node lost
/// shows as a drop in both, its shards as a rise on the others), and memory and CPU per node up to the planned end
/// (<see cref="RunWindow"/>; membership and allocation go on to the end, since a node leaving at shutdown is news).</summary>
public static class ClusterCharts
{
    public static IReadOnlyList<ChartDefinition> Of(ClusterSection cluster, TimeAxis axis, RunWindow window) =>
    [
        Membership(cluster, axis),
        PerNode("node-memory", "Working set per node", "MB", cluster, axis, window, s => s.WorkingSetMb),
        PerNode("node-cpu", "CPU per node", "percent of the machine", cluster, axis, window, s => s.CpuPercentOfMachine),
    ];

    private static ChartDefinition Membership(ClusterSection cluster, TimeAxis axis)
    {
        // Every node that hosted something at some point, in the order of the node list.
        var hosting = cluster.Allocation.SelectMany(a => a.Nodes.Keys).ToHashSet();
        var nodes = cluster.Nodes.Select(n => n.Name).Where(hosting.Contains).Concat(hosting.Order(StringComparer.Ordinal)).Distinct();
        var hosted = nodes.Select(node => StepLine.Of($"{node} entities", axis,
            cluster.Allocation.Select(a => (a.ElapsedSeconds, (double)(a.Nodes.TryGetValue(node, out var load) ? load.Entities : 0)))));
        var up = StepLine.Of("members up", axis, MembersUp(cluster.Membership)) with { OnRightAxis = true };
        return new ChartDefinition("cluster", "Membership and shard allocation", axis.Label, "books and traders hosted",
            "members up and reachable", [.. hosted, up]);
    }

    private static ChartDefinition PerNode(string name, string title, string unit, ClusterSection cluster, TimeAxis axis,
        RunWindow window, Func<ResourceEntry, double> value) =>
        new(name, title, axis.Label, unit, null, cluster.Nodes.Where(n => n.Resources.Count > 0)
            .Select(n => WithGaps(n.Name, window.Charted(n.Resources), axis, value))
            .ToArray());

    /// <summary>A node's line, broken (a NaN point) where it went unsampled for more than twice its usual interval:
    /// a node killed and started again was down in between, and a line across the gap would draw a level nobody
    /// measured.</summary>
    private static ChartSeries WithGaps(string label, IReadOnlyList<ResourceEntry> samples, TimeAxis axis, Func<ResourceEntry, double> value)
    {
        var intervals = samples.Zip(samples.Skip(1), (a, b) => b.ElapsedSeconds - a.ElapsedSeconds).Order().ToArray();
        var usual = intervals.Length == 0 ? 0 : intervals[intervals.Length / 2];
        var (x, y) = (new List<double>(), new List<double>());
        for (var i = 0; i < samples.Count; i++)
        {
            if (i > 0 && samples[i].ElapsedSeconds - samples[i - 1].ElapsedSeconds > 2 * usual)
            {
                x.Add(axis.Position((samples[i - 1].ElapsedSeconds + samples[i].ElapsedSeconds) / 2));
                y.Add(double.NaN);
            }

            x.Add(axis.Position(samples[i].ElapsedSeconds));
            y.Add(value(samples[i]));
        }

        return new ChartSeries(label, x, y);
    }

    /// <summary>Members that are up and reachable after each change: a member counts from <c>up</c> until it is
    /// downed or removed, except while it is unreachable.</summary>
    private static IEnumerable<(double ElapsedSeconds, double Count)> MembersUp(IReadOnlyList<MembershipEntry> membership)
    {
        var up = new HashSet<string>();
        var unreachable = new HashSet<string>();
        foreach (var change in membership)
        {
            switch (change.Change)
            {
                case MembershipChange.Up:
                    up.Add(change.Node);
                    break;
                case MembershipChange.Unreachable:
                    unreachable.Add(change.Node);
                    break;
                case MembershipChange.Reachable:
                    unreachable.Remove(change.Node);
                    break;
                case MembershipChange.Downed or MembershipChange.Removed or MembershipChange.Joined or MembershipChange.Rejoined:
                    up.Remove(change.Node);
                    unreachable.Remove(change.Node);
                    break;
            }

            yield return (change.ElapsedSeconds, up.Count(node => !unreachable.Contains(node)));
        }
    }
}
