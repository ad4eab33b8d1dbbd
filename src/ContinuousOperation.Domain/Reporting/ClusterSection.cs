using ContinuousOperation.Domain.Cluster;
using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Domain.Reporting;

/// <summary>The report's account of a cluster run: its nodes with their resources, the membership timeline, what each
/// node hosted over time, every shard that moved, and the node faults with their recovery times. Times are also given
/// in seconds since the start of the run, as the resource samples are.</summary>
public sealed record ClusterSection(
    IReadOnlyList<ClusterNodeEntry> Nodes,
    IReadOnlyList<MembershipEntry> Membership,
    IReadOnlyList<AllocationEntry> Allocation,
    IReadOnlyList<HandoffEntry> Handoffs,
    IReadOnlyList<FaultTimelineEntry> NodeFaults)
{
    /// <summary>Nodes in the order they were started; a node that sampled resources but was never announced (the
    /// control node, say) is listed after them with what is known of it.</summary>
    public static ClusterSection From(ClusterRun run, FaultReport? faults, DateTimeOffset startedAt)
    {
        var history = run.History;
        var announced = history.Nodes.Select(n => n.Name).ToHashSet();
        var nodes = history.Nodes.Concat(run.Nodes.Where(r => !announced.Contains(r.Node)).Select(r => new ClusterNode(r.Node, "", "unknown")));
        return new ClusterSection(
            nodes.Select(n => ClusterNodeEntry.From(n, run.Nodes.FirstOrDefault(r => r.Node == n.Name))).ToArray(),
            history.Membership.Select(m => new MembershipEntry(m.At, Seconds(m.At, startedAt), m.Node, m.Change)).ToArray(),
            history.Allocation.Select(a => new AllocationEntry(a.At, Seconds(a.At, startedAt), a.Nodes)).ToArray(),
            history.Handoffs.Select(h => new HandoffEntry(h.At, Seconds(h.At, startedAt), h.Entity.Symbol.Value, h.Entity.Entity,
                h.FromNode, h.ToNode)).ToArray(),
            (faults?.Timeline ?? []).Where(f => f.Kind.IsNodeFault()).Select(FaultTimelineEntry.From).ToArray());
    }

    private static double Seconds(DateTimeOffset at, DateTimeOffset startedAt) => (at - startedAt).TotalSeconds;
}

/// <summary>A node, its figures as the seed's metrics define them, and its resource samples (empty when it sent none).</summary>
public sealed record ClusterNodeEntry(
    string Name, string Address, string Role, int? Pid, double AverageMemoryMb, double PeakMemoryMb, double AverageCpuPercent,
    IReadOnlyList<ResourceEntry> Resources)
{
    public static ClusterNodeEntry From(ClusterNode node, NodeResources? resources)
    {
        var figures = resources?.Figures ?? ResourceFigures.None;
        return new ClusterNodeEntry(node.Name, node.Address, node.Role, node.Pid, figures.AverageMemoryMb, figures.PeakMemoryMb,
            figures.AverageCpuPercent, resources?.Samples.Select(ResourceEntry.From).ToArray() ?? []);
    }
}

public sealed record MembershipEntry(DateTimeOffset At, double ElapsedSeconds, string Node, MembershipChange Change);

/// <summary>From <see cref="At"/> until the next entry, the books and traders each node hosted.</summary>
public sealed record AllocationEntry(DateTimeOffset At, double ElapsedSeconds, IReadOnlyDictionary<string, NodeLoad> Nodes);

public sealed record HandoffEntry(
    DateTimeOffset At, double ElapsedSeconds, string Symbol, EntityKind Entity, string FromNode, string ToNode);
