using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Tests.Faults;

public class FaultLedgerNodeTests
{
    private static readonly Symbol Btc = new("BTC-USDT");
    private static readonly Symbol Eth = new("ETH-USDT");
    private static readonly Symbol Sol = new("SOL-USDT");
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private readonly FaultLedger ledger = new([Btc, Eth, Sol]);

    /// <summary>What node 2 hosted when it was hit: both entities of BTC, and ETH's book (ETH's trader ran elsewhere).</summary>
    private static readonly HostedEntity[] Node2 =
    [
        new(EntityKind.OrderBook, Btc), new(EntityKind.Trader, Btc), new(EntityKind.OrderBook, Eth),
    ];

    private static ScheduledFault Fault(FaultKind kind, double durationSeconds = 5, double deadlineSeconds = 30) =>
        new(1, TimeSpan.FromMinutes(1), kind, Symbol: null, Channel: null, TimeSpan.FromSeconds(durationSeconds), Count: 1,
            TimeSpan.FromSeconds(deadlineSeconds), Node: 2);

    private FaultRecord Only() => Assert.Single(ledger.Report("test").Timeline);

    private static EntityRecovered Recovered(EntityKind entity, Symbol symbol, double seconds) =>
        new(entity, symbol, T0.AddSeconds(seconds), StartedAt: T0.AddSeconds(seconds - 1));

    [Theory]
    [InlineData(FaultKind.NodeKill)]
    [InlineData(FaultKind.NodePartition)]
    [InlineData(FaultKind.NodeLeave)]
    public void A_node_fault_recovers_when_the_last_entity_its_node_hosted_is_running_again(FaultKind kind)
    {
        var record = ledger.NodeFaultInjected(Fault(kind), T0, Node2);
        Assert.Equal(FaultOutcome.Pending, record.Outcome);
        Assert.Equal("node 2", record.Target);

        ledger.Observe(Recovered(EntityKind.OrderBook, Btc, 12));
        ledger.Observe(Recovered(EntityKind.Trader, Eth, 13)); // not on node 2: proves nothing
        ledger.Observe(Recovered(EntityKind.Trader, Btc, 14));
        Assert.Equal(FaultOutcome.Pending, Only().Outcome);

        var ended = ledger.Observe(Recovered(EntityKind.OrderBook, Eth, 21));

        Assert.Equal(FaultOutcome.Recovered, Assert.Single(ended).Outcome);
        Assert.Equal(TimeSpan.FromSeconds(21), Only().TimeToRecover);
        Assert.False(ledger.HasPending);
    }

    [Fact]
    public void Entities_may_be_back_on_other_nodes_before_the_killed_node_is_restarted()
    {
        ledger.NodeFaultInjected(Fault(FaultKind.NodeKill, durationSeconds: 60), T0, Node2);

        foreach (var entity in Node2) ledger.Observe(Recovered(entity.Entity, entity.Symbol, 25));

        Assert.Equal(FaultOutcome.Recovered, Only().Outcome);
        Assert.Equal(TimeSpan.FromSeconds(25), Only().TimeToRecover);
    }

    [Fact]
    public void An_entity_that_never_comes_back_makes_the_fault_miss_its_deadline_counted_from_the_strike()
    {
        // The node is started again only after 10 minutes: the deadline does not wait for it.
        ledger.NodeFaultInjected(Fault(FaultKind.NodeKill, durationSeconds: 600, deadlineSeconds: 30), T0, Node2);
        ledger.Observe(Recovered(EntityKind.OrderBook, Btc, 12));
        ledger.Observe(Recovered(EntityKind.Trader, Btc, 14));

        Assert.Empty(ledger.TakeMissed(T0.AddSeconds(30)));
        var missed = Assert.Single(ledger.TakeMissed(T0.AddSeconds(30.1)));

        Assert.Equal(FaultOutcome.Missed, missed.Outcome);
        Assert.Empty(ledger.TakeMissed(T0.AddSeconds(60)));
        Assert.Empty(ledger.Close());
        Assert.Equal(FaultOutcome.Missed, Only().Outcome);
    }

    [Fact]
    public void A_run_that_ends_before_every_entity_is_back_leaves_the_node_fault_not_recovered()
    {
        ledger.NodeFaultInjected(Fault(FaultKind.NodePartition), T0, Node2);
        ledger.Observe(Recovered(EntityKind.OrderBook, Btc, 12));

        var closed = Assert.Single(ledger.Close());

        Assert.Equal(FaultOutcome.Missed, closed.Outcome);
        Assert.Equal(1, Assert.Single(ledger.Report("test").Totals).NotRecovered);
    }

    [Fact]
    public void An_incarnation_started_before_the_fault_does_not_prove_recovery()
    {
        ledger.NodeFaultInjected(Fault(FaultKind.NodePartition), T0, [new HostedEntity(EntityKind.Trader, Btc)]);

        // The paused node's own trader finishing its recovery once resumed, before the resolver downs the node.
        ledger.Observe(new EntityRecovered(EntityKind.Trader, Btc, T0.AddSeconds(41), StartedAt: T0.AddSeconds(-1)));
        Assert.Equal(FaultOutcome.Pending, Only().Outcome);

        ledger.Observe(new EntityRecovered(EntityKind.Trader, Btc, T0.AddSeconds(50), StartedAt: T0.AddSeconds(45)));
        Assert.Equal(FaultOutcome.Recovered, Only().Outcome);
    }

    [Fact]
    public void A_recovery_announced_just_before_the_news_of_the_fault_still_counts_if_it_came_after_the_fault()
    {
        ledger.Observe(Recovered(EntityKind.Trader, Btc, 1.5));

        var record = ledger.NodeFaultInjected(Fault(FaultKind.NodeLeave), T0, [new HostedEntity(EntityKind.Trader, Btc)]);

        Assert.Equal(FaultOutcome.Recovered, record.Outcome);
    }

    [Fact]
    public void A_node_that_hosted_nothing_is_recovered_as_soon_as_it_is_hit()
    {
        var record = ledger.NodeFaultInjected(Fault(FaultKind.NodeKill), T0, []);

        Assert.Equal(FaultOutcome.Recovered, record.Outcome);
        Assert.Equal(TimeSpan.Zero, record.TimeToRecover);
    }

    [Fact]
    public void Node_faults_and_other_faults_cannot_be_injected_the_wrong_way()
    {
        Assert.Throws<ArgumentException>(() => ledger.Injected(Fault(FaultKind.NodeKill), T0));
        Assert.Throws<ArgumentException>(() => ledger.NodeFaultInjected(
            new ScheduledFault(2, TimeSpan.Zero, FaultKind.TraderCrash, Btc, null, TimeSpan.Zero, 1, TimeSpan.FromSeconds(30)), T0, Node2));
    }
}
