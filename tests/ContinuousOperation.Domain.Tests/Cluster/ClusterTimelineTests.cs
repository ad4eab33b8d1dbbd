using ContinuousOperation.Domain.Cluster;
using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Tests.Cluster;

public class ClusterTimelineTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 1, 0, 0, TimeSpan.Zero);
    private static readonly HostedEntity BtcBook = new(EntityKind.OrderBook, new Symbol("BTC-USDT"));
    private static readonly HostedEntity BtcTrader = new(EntityKind.Trader, new Symbol("BTC-USDT"));
    private static readonly HostedEntity EthBook = new(EntityKind.OrderBook, new Symbol("ETH-USDT"));
    private readonly ClusterTimeline timeline = new();

    private ShardHandoff? Place(double seconds, HostedEntity entity, string node) =>
        timeline.Placed(new EntityPlacement(T0.AddSeconds(seconds), entity, node));

    [Fact]
    public void A_node_joining_again_after_it_was_downed_or_removed_rejoins_and_a_first_join_is_a_join()
    {
        Assert.Equal(MembershipChange.Joined, timeline.MemberChanged(T0, "node-1", MembershipChange.Joined).Change);
        timeline.MemberChanged(T0.AddSeconds(1), "node-1", MembershipChange.Up);
        timeline.MemberChanged(T0.AddSeconds(9), "node-1", MembershipChange.Unreachable);
        timeline.MemberChanged(T0.AddSeconds(30), "node-1", MembershipChange.Downed);

        var again = timeline.MemberChanged(T0.AddSeconds(40), "node-1", MembershipChange.Joined);
        var otherNode = timeline.MemberChanged(T0.AddSeconds(41), "node-2", MembershipChange.Joined);

        Assert.Equal(MembershipChange.Rejoined, again.Change);
        Assert.Equal(MembershipChange.Joined, otherNode.Change);
        Assert.Equal(
            [MembershipChange.Joined, MembershipChange.Up, MembershipChange.Unreachable, MembershipChange.Downed, MembershipChange.Rejoined, MembershipChange.Joined],
            timeline.History(T0.AddSeconds(50)).Membership.Select(m => m.Change));
    }

    [Fact]
    public void A_downed_node_hosts_nothing_and_its_entities_starting_elsewhere_are_handoffs_from_it()
    {
        Place(1, BtcBook, "node-1");
        Place(1, BtcTrader, "node-1");
        Place(1, EthBook, "node-2");
        Assert.Equal([BtcTrader, BtcBook], timeline.HostedBy("node-1"));

        timeline.MemberChanged(T0.AddSeconds(30), "node-1", MembershipChange.Downed);
        Assert.Empty(timeline.HostedBy("node-1"));
        var handoff = Place(35, BtcBook, "node-2");
        Place(36, BtcTrader, "node-2");

        Assert.Equal(new ShardHandoff(T0.AddSeconds(35), BtcBook, "node-1", "node-2"), handoff);
        var history = timeline.History(T0.AddSeconds(60));
        Assert.Equal(2, history.Handoffs.Count);
        Assert.Equal(
            [
                (1.0, "node-1=1/1 node-2=1/0"),
                (30.0, "node-2=1/0"),
                (35.0, "node-2=2/0"),
                (36.0, "node-2=2/1"),
                (60.0, "node-2=2/1"),
            ],
            history.Allocation.Select(a => ((a.At - T0).TotalSeconds,
                string.Join(" ", a.Nodes.Select(n => $"{n.Key}={n.Value.Books}/{n.Value.Traders}")))));
    }

    [Fact]
    public void A_graceful_leave_hands_shards_off_while_the_node_is_still_a_member()
    {
        Place(1, BtcBook, "node-1");
        timeline.MemberChanged(T0.AddSeconds(20), "node-1", MembershipChange.Joined);

        var handoff = Place(21, BtcBook, "node-3");
        timeline.MemberChanged(T0.AddSeconds(22), "node-1", MembershipChange.Removed);

        Assert.Equal(new ShardHandoff(T0.AddSeconds(21), BtcBook, "node-1", "node-3"), handoff);
        Assert.Equal([BtcBook], timeline.HostedBy("node-3"));
    }

    [Fact]
    public void An_entity_restarting_where_it_ran_is_no_handoff_and_changes_no_sample()
    {
        Place(1, BtcBook, "node-1");

        Assert.Null(Place(5, BtcBook, "node-1"));

        var history = timeline.History(T0.AddSeconds(10));
        Assert.Empty(history.Handoffs);
        Assert.Equal([1.0, 10.0], history.Allocation.Select(a => (a.At - T0).TotalSeconds));
    }

    [Fact]
    public void A_node_started_again_keeps_its_place_in_the_list_with_its_new_pid()
    {
        timeline.NodeStarted(new ClusterNode("node-1", "akka.tcp://soak@127.0.0.1:4101", "trading", 100));
        timeline.NodeStarted(new ClusterNode("node-2", "akka.tcp://soak@127.0.0.1:4102", "trading", 101));
        timeline.NodeStarted(new ClusterNode("node-1", "akka.tcp://soak@127.0.0.1:4101", "trading", 200));

        Assert.Equal([("node-1", 200), ("node-2", 101)],
            timeline.History(T0).Nodes.Select(n => (n.Name, n.Pid!.Value)));
    }

    [Fact]
    public void News_of_an_earlier_placement_arriving_late_is_sampled_with_the_latest_so_the_series_stays_in_time_order()
    {
        Place(11, BtcTrader, "node-1");
        Place(10, EthBook, "node-2");

        var allocation = timeline.History(T0.AddSeconds(20)).Allocation;

        Assert.Equal([11.0, 20.0], allocation.Select(a => (a.At - T0).TotalSeconds));
        Assert.Equal(2, allocation[0].Nodes.Count);
    }

    [Fact]
    public void A_run_without_placements_has_no_allocation_samples()
    {
        Assert.Empty(timeline.History(T0).Allocation);
    }
}
