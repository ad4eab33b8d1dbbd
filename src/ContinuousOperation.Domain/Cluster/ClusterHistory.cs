namespace ContinuousOperation.Domain.Cluster;

/// <summary>What a cluster run went through, as the report needs it: its nodes, their membership changes, what each
/// node hosted over time (a sample at each change, and one at the end) and every shard that moved.</summary>
public sealed record ClusterHistory(
    IReadOnlyList<ClusterNode> Nodes,
    IReadOnlyList<MembershipEvent> Membership,
    IReadOnlyList<AllocationSample> Allocation,
    IReadOnlyList<ShardHandoff> Handoffs);
