namespace ContinuousOperation.Domain.Cluster;

/// <summary>What happened to a cluster member, as its observer saw it. <see cref="Left"/> is a graceful leave; a member
/// that crashed is <see cref="Unreachable"/>, then <see cref="Downed"/> by the split brain resolver, then
/// <see cref="Removed"/>.</summary>
public enum MembershipEventKind
{
    Joined,
    Up,
    Unreachable,
    Reachable,
    Left,
    Downed,
    Removed,
}

/// <summary>One membership change of one incarnation of a node: <paramref name="Node"/> is its address
/// (<c>akka.tcp://system@host:port</c>), <paramref name="Incarnation"/> the unique id a restarted process gets anew on
/// the same address.</summary>
public sealed record MembershipEvent(DateTimeOffset At, string Node, long Incarnation, MembershipEventKind Kind);

/// <summary>The membership changes seen during a run, in the order they were seen; immutable, so the report and the
/// launcher can hold it while the observer goes on adding.</summary>
public sealed record MembershipTimeline(IReadOnlyList<MembershipEvent> Events)
{
    public static readonly MembershipTimeline Empty = new([]);

    public MembershipTimeline With(MembershipEvent change) => new([.. Events, change]);

    /// <summary>The changes of one node's address, every incarnation, in order.</summary>
    public IReadOnlyList<MembershipEvent> Of(string node) => Events.Where(e => e.Node == node).ToArray();

    /// <summary>The incarnations of <paramref name="node"/> that became Up, in the order they did.</summary>
    public IReadOnlyList<long> IncarnationsUp(string node) =>
        Of(node).Where(e => e.Kind == MembershipEventKind.Up).Select(e => e.Incarnation).Distinct().ToArray();

    /// <summary>The nodes whose latest incarnation is Up and has not since become unreachable, left, been downed or
    /// removed.</summary>
    public IReadOnlySet<string> UpNow() => Events
        .GroupBy(e => e.Node)
        .Where(node => node.Last() is { Kind: MembershipEventKind.Up or MembershipEventKind.Reachable } last
                       && node.Any(e => e.Incarnation == last.Incarnation && e.Kind == MembershipEventKind.Up))
        .Select(node => node.Key)
        .ToHashSet();

    /// <summary>The nodes seen in the cluster whose latest change is not <see cref="MembershipEventKind.Removed"/>:
    /// members, or members on their way out.</summary>
    public IReadOnlySet<string> NotRemoved() => Events
        .GroupBy(e => e.Node)
        .Where(node => node.Last().Kind != MembershipEventKind.Removed)
        .Select(node => node.Key)
        .ToHashSet();

    /// <summary>Whether <paramref name="node"/> went through <paramref name="kinds"/> in this order (other changes may
    /// come in between), e.g. Unreachable, Downed, Removed, Up for a node killed and restarted.</summary>
    public bool Went(string node, params MembershipEventKind[] kinds)
    {
        var next = 0;
        foreach (var change in Of(node))
        {
            if (next < kinds.Length && change.Kind == kinds[next]) next++;
        }

        return next == kinds.Length;
    }
}
