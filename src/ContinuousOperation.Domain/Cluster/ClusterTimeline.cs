using ContinuousOperation.Domain.Faults;

namespace ContinuousOperation.Domain.Cluster;

/// <summary>
/// Keeps the account of a cluster run as its events come in: the nodes started, the membership changes the cluster
/// announced and where each book and trader started. From these it knows what every node hosts now (what a node fault
/// affects), which shards moved, and the history the report shows. Its size grows with the changes, not the run length:
/// an entity restarting where it was changes nothing.
/// </summary>
public sealed class ClusterTimeline
{
    private readonly List<ClusterNode> nodes = [];
    private readonly List<MembershipEvent> membership = [];
    private readonly List<AllocationSample> allocation = [];
    private readonly List<ShardHandoff> handoffs = [];
    private readonly Dictionary<HostedEntity, string> hostedOn = new();
    private readonly Dictionary<HostedEntity, string> lastHostedOn = new();
    private readonly HashSet<string> gone = [];

    /// <summary>A node process was started (again: its pid is replaced).</summary>
    public void NodeStarted(ClusterNode node)
    {
        var known = nodes.FindIndex(n => n.Name == node.Name);
        if (known < 0) nodes.Add(node);
        else nodes[known] = node;
    }

    /// <summary>Records a membership change and returns it as recorded: a node joining after it was downed or removed
    /// rejoins. A node downed or removed hosts nothing any more.</summary>
    public MembershipEvent MemberChanged(DateTimeOffset at, string node, MembershipChange change)
    {
        if (change == MembershipChange.Joined && gone.Remove(node)) change = MembershipChange.Rejoined;
        var recorded = new MembershipEvent(at, node, change);
        membership.Add(recorded);
        if (change is MembershipChange.Downed or MembershipChange.Removed)
        {
            gone.Add(node);
            foreach (var entity in hostedOn.Where(h => h.Value == node).Select(h => h.Key).ToArray()) hostedOn.Remove(entity);
            Sample(at);
        }

        return recorded;
    }

    /// <summary>Records where an entity started; returns the handoff when it last ran on another node.</summary>
    public ShardHandoff? Placed(EntityPlacement placement)
    {
        var (at, entity, node) = placement;
        if (hostedOn.TryGetValue(entity, out var current) && current == node) return null;
        hostedOn[entity] = node;
        var handoff = lastHostedOn.TryGetValue(entity, out var from) && from != node ? new ShardHandoff(at, entity, from, node) : null;
        lastHostedOn[entity] = node;
        if (handoff is not null) handoffs.Add(handoff);
        Sample(at);
        return handoff;
    }

    /// <summary>The entities <paramref name="node"/> hosts now: what a fault on it affects.</summary>
    public IReadOnlyCollection<HostedEntity> HostedBy(string node) =>
        hostedOn.Where(h => h.Value == node).Select(h => h.Key).OrderBy(e => e.Symbol.Value, StringComparer.Ordinal)
            .ThenBy(e => e.Entity).ToArray();

    /// <summary>The history up to <paramref name="now"/>, the current allocation sampled once more at that time so
    /// that it covers the whole run.</summary>
    public ClusterHistory History(DateTimeOffset now)
    {
        var samples = allocation.ToList();
        if (samples.Count > 0 && samples[^1].At < now) samples.Add(samples[^1] with { At = now });
        // In time order, whatever order the nodes' news arrived in (equal times keep their order of arrival).
        return new ClusterHistory(nodes.ToArray(), membership.OrderBy(m => m.At).ToArray(), samples, handoffs.ToArray());
    }

    /// <summary>Samples the allocation after a change; several changes at one instant make one sample. News that
    /// arrives after news of a later change (from another node) is sampled with it, so the series stays in time order.</summary>
    private void Sample(DateTimeOffset at)
    {
        if (allocation.Count > 0 && allocation[^1].At > at) at = allocation[^1].At;
        var loads = hostedOn.GroupBy(h => h.Value).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key,
            g => new NodeLoad(g.Count(h => h.Key.Entity == EntityKind.OrderBook), g.Count(h => h.Key.Entity == EntityKind.Trader)));
        if (allocation.Count > 0 && allocation[^1].At == at) allocation.RemoveAt(allocation.Count - 1);
        else if (allocation.Count > 0 && SameLoads(allocation[^1].Nodes, loads)) return;
        allocation.Add(new AllocationSample(at, loads));
    }

    private static bool SameLoads(IReadOnlyDictionary<string, NodeLoad> a, IReadOnlyDictionary<string, NodeLoad> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var load) && load == kv.Value);
}
