using ContinuousOperation.Domain.Cluster;
using static ContinuousOperation.Domain.Cluster.MembershipEventKind;

namespace ContinuousOperation.Domain.Tests.Cluster;

public class MembershipTimelineTests
{
    private const string Launcher = "akka.tcp://continuous-operation@127.0.0.1:4000";
    private const string Node = "akka.tcp://continuous-operation@127.0.0.1:4001";
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 1, 0, 0, TimeSpan.Zero);

    private static MembershipTimeline Timeline(params (string Node, long Incarnation, MembershipEventKind Kind)[] changes) =>
        changes.Select((c, i) => new MembershipEvent(Start.AddSeconds(i), c.Node, c.Incarnation, c.Kind))
            .Aggregate(MembershipTimeline.Empty, (timeline, change) => timeline.With(change));

    [Fact]
    public void A_node_killed_and_restarted_went_unreachable_downed_removed_and_up_again_as_a_new_incarnation()
    {
        var timeline = Timeline(
            (Launcher, 1, Up), (Node, 7, Joined), (Node, 7, Up), (Node, 7, Unreachable), (Node, 7, Downed), (Node, 7, Removed),
            (Node, 8, Joined), (Node, 8, Up));

        Assert.True(timeline.Went(Node, Up, Unreachable, Downed, Removed, Up));
        Assert.Equal([7L, 8L], timeline.IncarnationsUp(Node));
        Assert.Equal(new HashSet<string> { Launcher, Node }, timeline.UpNow());
        Assert.False(timeline.Went(Launcher, Unreachable));
    }

    [Fact]
    public void Went_requires_the_changes_in_their_order()
    {
        var timeline = Timeline((Node, 7, Up), (Node, 7, Removed), (Node, 7, Downed));

        Assert.True(timeline.Went(Node, Up, Removed));
        Assert.False(timeline.Went(Node, Up, Downed, Removed));
    }

    [Fact]
    public void A_node_is_up_now_only_while_its_latest_incarnation_is_up_and_reachable()
    {
        Assert.DoesNotContain(Node, Timeline((Node, 7, Joined)).UpNow());
        Assert.DoesNotContain(Node, Timeline((Node, 7, Up), (Node, 7, Unreachable)).UpNow());
        Assert.Contains(Node, Timeline((Node, 7, Up), (Node, 7, Unreachable), (Node, 7, Reachable)).UpNow());
        Assert.DoesNotContain(Node, Timeline((Node, 7, Up), (Node, 7, Left)).UpNow());
        // The new incarnation has joined but is not Up yet: reachable again means nothing for it.
        Assert.DoesNotContain(Node, Timeline((Node, 7, Up), (Node, 7, Removed), (Node, 8, Joined), (Node, 8, Reachable)).UpNow());
    }

    [Fact]
    public void Removed_nodes_are_no_longer_there_until_they_join_again()
    {
        var left = Timeline((Launcher, 1, Up), (Node, 7, Up), (Node, 7, Left), (Node, 7, Removed));

        Assert.Equal(new HashSet<string> { Launcher }, left.NotRemoved());
        Assert.Contains(Node, left.With(new MembershipEvent(Start.AddMinutes(1), Node, 8, Joined)).NotRemoved());
    }

    [Fact]
    public void Adding_a_change_leaves_the_earlier_timeline_as_it_was()
    {
        var before = Timeline((Node, 7, Up));

        var after = before.With(new MembershipEvent(Start.AddMinutes(1), Node, 7, Left));

        Assert.Single(before.Events);
        Assert.Equal(2, after.Events.Count);
    }
}
