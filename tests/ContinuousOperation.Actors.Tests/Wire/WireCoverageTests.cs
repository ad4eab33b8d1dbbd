using System.Reflection;
using ContinuousOperation.Actors.Consistency;
using ContinuousOperation.Actors.Exchange;
using ContinuousOperation.Actors.Faults;
using ContinuousOperation.Actors.Monitoring;
using ContinuousOperation.Actors.Persistence;
using ContinuousOperation.Actors.Run;
using ContinuousOperation.Actors.Trading;
using ContinuousOperation.Actors.Wire;
using ContinuousOperation.Domain.Cluster;
using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Actors.Tests.Wire;

/// <summary>
/// Finds the messages that can cross nodes by a rule rather than a list, so a new one without a wire entry fails here:
/// <list type="bullet">
/// <item>every public, non-abstract record class of the Actors assembly, except the persistence namespace (journal
/// events and snapshots have their own serializers), the wire registry's own entries, and what the composition root
/// hands to <c>Props</c> or a service returns, never sent (<see cref="NeverSent"/>);</item>
/// <item>every concrete <see cref="RecoverySignal"/> (published by entities, relayed to the fault injector);</item>
/// <item>the Domain records actors reply with (<see cref="Replies"/>).</item>
/// </list>
/// </summary>
public sealed class WireCoverageTests
{
    private static readonly Type[] Replies =
        [typeof(MetricsSnapshot), typeof(LiveFigures), typeof(FaultReport), typeof(ConsistencyReport), typeof(ClusterHistory)];

    private static bool NeverSent(Type type) =>
        type.Name.EndsWith("Settings", StringComparison.Ordinal) ||
        type == typeof(RecoveryMechanisms) || type == typeof(RestartBackoff) || type == typeof(RunParts) ||
        type == typeof(NodeStrike); // what INodeFaults returns to the injector, in its own process

    private static bool IsRecordClass(Type type) => type.IsClass && type.GetMethod("<Clone>$") is not null;

    public static IEnumerable<Type> CrossNodeMessages()
    {
        var actors = typeof(PlaceOrder).Assembly.GetTypes()
            .Where(t => t.IsPublic && !t.IsAbstract && IsRecordClass(t))
            .Where(t => t.Namespace != typeof(SnapshotSerializer).Namespace && t.Namespace != typeof(WireEntry).Namespace)
            .Where(t => !NeverSent(t));
        var signals = typeof(RecoverySignal).Assembly.GetTypes().Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(RecoverySignal)));
        return actors.Concat(signals).Concat(Replies);
    }

    [Fact]
    public void Every_message_that_can_cross_nodes_has_a_wire_entry()
    {
        var unbound = CrossNodeMessages().Except(WireRegistry.Types).Select(t => t.FullName).ToList();

        Assert.True(unbound.Count == 0, $"No entry in {nameof(WireRegistry)} for: {string.Join(", ", unbound)}");
    }

    [Fact]
    public void The_rule_finds_the_messages_of_every_family()
    {
        var found = CrossNodeMessages().ToHashSet();

        Assert.All(
            [typeof(PlaceOrder), typeof(MarketDataUpdate), typeof(StopTrading), typeof(CountTrading),
             typeof(InjectCrash), typeof(FaultInEffect), typeof(RunCompleted), typeof(Reconcile),
             typeof(EntityRecovered)],
            t => Assert.Contains(t, found));
        Assert.DoesNotContain(typeof(UnreadableSnapshot), found);
    }

    [Fact]
    public void Nothing_is_registered_that_the_rule_does_not_call_a_message()
    {
        var extra = WireRegistry.Types.Except(CrossNodeMessages()).Select(t => t.FullName).ToList();

        Assert.True(extra.Count == 0, $"Registered but not a message by the rule: {string.Join(", ", extra)}");
    }
}
