namespace ContinuousOperation.Domain.Cluster;

/// <summary>What a list of membership changes (in the order they were seen) says about its nodes: who is Up now, who
/// is still in the cluster, and whether a node went through given changes. The launcher waits on these; tests assert
/// with them.</summary>
public static class MembershipQueries
{
    /// <summary>The nodes that are Up and reachable after the last change: a node that joined (again) is not Up until
    /// it is Up again, and one downed or removed is not Up at all.</summary>
    public static IReadOnlySet<string> UpNow(this IEnumerable<MembershipEvent> changes) => changes
        .GroupBy(e => e.Node)
        .Where(node => IsUp(node))
        .Select(node => node.Key)
        .ToHashSet();

    /// <summary>The nodes whose latest change is not <see cref="MembershipChange.Removed"/>: members, or members on
    /// their way out.</summary>
    public static IReadOnlySet<string> NotRemoved(this IEnumerable<MembershipEvent> changes) => changes
        .GroupBy(e => e.Node)
        .Where(node => node.Last().Change != MembershipChange.Removed)
        .Select(node => node.Key)
        .ToHashSet();

    /// <summary>Whether <paramref name="node"/> went through <paramref name="steps"/> in this order (other changes may
    /// come in between), e.g. Unreachable, Downed, Removed, Rejoined, Up for a node killed and started again.</summary>
    public static bool Went(this IEnumerable<MembershipEvent> changes, string node, params MembershipChange[] steps)
    {
        var next = 0;
        foreach (var change in changes.Where(e => e.Node == node))
        {
            if (next < steps.Length && change.Change == steps[next]) next++;
        }

        return next == steps.Length;
    }

    private static bool IsUp(IEnumerable<MembershipEvent> node)
    {
        var (up, reachable) = (false, false);
        foreach (var change in node)
        {
            (up, reachable) = change.Change switch
            {
                MembershipChange.Up => (true, true),
                MembershipChange.Unreachable => (up, false),
                MembershipChange.Reachable => (up, true),
                _ => (false, reachable),
            };
        }

        return up && reachable;
    }
}
