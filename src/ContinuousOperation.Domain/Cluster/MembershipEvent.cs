namespace ContinuousOperation.Domain.Cluster;

/// <summary>A step in a member's life as the cluster saw it. <see cref="Rejoined"/> is a node that joins again under
/// its name after it was downed or removed: a new incarnation of it.</summary>
public enum MembershipChange
{
    Joined,
    Up,
    Unreachable,
    Reachable,
    Downed,
    Removed,
    Rejoined,
}

public sealed record MembershipEvent(DateTimeOffset At, string Node, MembershipChange Change);
