using ContinuousOperation.Domain.Cluster;
using static ContinuousOperation.Domain.Cluster.MembershipChange;

namespace ContinuousOperation.Domain.Tests.Cluster;

public class MembershipQueriesTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 1, 0, 0, TimeSpan.Zero);

    private static MembershipEvent[] Changes(params (string Node, MembershipChange Change)[] changes) =>
        changes.Select((c, i) => new MembershipEvent(Start.AddSeconds(i), c.Node, c.Change)).ToArray();

    [Fact]
    public void A_node_killed_and_started_again_went_unreachable_downed_removed_and_up_again()
    {
        var changes = Changes(("control", Up), ("node-1", Joined), ("node-1", Up), ("node-1", Unreachable), ("node-1", Downed),
            ("node-1", Removed), ("node-1", Rejoined), ("node-1", Up));

        Assert.True(changes.Went("node-1", Up, Unreachable, Downed, Removed, Rejoined, Up));
        Assert.Equal(new HashSet<string> { "control", "node-1" }, changes.UpNow());
        Assert.False(changes.Went("control", Unreachable));
    }

    [Fact]
    public void Went_requires_the_changes_in_their_order()
    {
        var changes = Changes(("node-1", Up), ("node-1", Removed), ("node-1", Downed));

        Assert.True(changes.Went("node-1", Up, Removed));
        Assert.False(changes.Went("node-1", Up, Downed, Removed));
    }

    [Fact]
    public void A_node_is_up_now_only_while_it_is_up_and_reachable()
    {
        Assert.DoesNotContain("node-1", Changes(("node-1", Joined)).UpNow());
        Assert.DoesNotContain("node-1", Changes(("node-1", Up), ("node-1", Unreachable)).UpNow());
        Assert.Contains("node-1", Changes(("node-1", Up), ("node-1", Unreachable), ("node-1", Reachable)).UpNow());
        Assert.DoesNotContain("node-1", Changes(("node-1", Up), ("node-1", Unreachable), ("node-1", Downed), ("node-1", Reachable)).UpNow());
        // Started again and joined, not Up yet: reachable means nothing for it.
        Assert.DoesNotContain("node-1", Changes(("node-1", Up), ("node-1", Removed), ("node-1", Rejoined), ("node-1", Reachable)).UpNow());
    }

    [Fact]
    public void Removed_nodes_are_no_longer_there_until_they_join_again()
    {
        var changes = Changes(("control", Up), ("node-1", Up), ("node-1", Removed));

        Assert.Equal(new HashSet<string> { "control" }, changes.NotRemoved());
        Assert.Contains("node-1", changes.Append(new MembershipEvent(Start.AddMinutes(1), "node-1", Rejoined)).NotRemoved());
    }
}
