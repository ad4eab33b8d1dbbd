using ContinuousOperation.Domain.Faults;

namespace ContinuousOperation.Domain.Cluster;

/// <summary>An entity started on a node: the first time, after a restart in place, or after its shard moved.</summary>
public sealed record EntityPlacement(DateTimeOffset At, HostedEntity Entity, string Node);

/// <summary>An entity that ran on <see cref="FromNode"/> started on <see cref="ToNode"/>: its shard was handed off
/// (a node left) or reallocated (a node was downed).</summary>
public sealed record ShardHandoff(DateTimeOffset At, HostedEntity Entity, string FromNode, string ToNode);

/// <summary>How many order books and traders a node hosts.</summary>
public sealed record NodeLoad(int Books, int Traders)
{
    public int Entities => Books + Traders;
}

/// <summary>What each node hosted from <see cref="At"/> until the next sample; nodes hosting nothing are left out.</summary>
public sealed record AllocationSample(DateTimeOffset At, IReadOnlyDictionary<string, NodeLoad> Nodes);
