using Akka.Actor;
using Akka.Cluster.Tools.Singleton;
using ContinuousOperation.Actors.Consistency;
using ContinuousOperation.Actors.Faults;
using ContinuousOperation.Actors.Monitoring;
using ContinuousOperation.Actors.Run;
using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Actors.Cluster;

/// <summary>
/// The composition root of a cluster run, one method per role. A <see cref="Trading"/> member hosts the shard regions
/// of books and traders (registered with the host) and, next to them, its own metrics, lost-message watcher and
/// signal relay. The <see cref="Control"/> member hosts the run's singletons (coordinator, fault injector,
/// consistency check), talks to the entities through shard region proxies, and merges every member's metrics.
/// </summary>
public static class ClusterRunTree
{
    public const string ControlRole = "control";
    public const string TradingRole = "trading";

    /// <summary>The control member's <see cref="MetricsFanout"/>, at <c>/user/</c> this name.</summary>
    public const string MetricsFanoutName = "cluster-metrics";

    /// <summary>The metrics settings of every member of a cluster run. A fault's late errors are put down to it for
    /// longer than on one node (15 s instead of 5 s): after a node fault, requests also wait for their shard's new home,
    /// and in a test run on 2 loaded cores one error came after the 5 s grace of a recovered node-kill. A node fault's
    /// own grace is longer still (<see cref="NodeFaultGrace"/>).</summary>
    public static MetricsSettings Metrics(RunSettings settings) => MetricsSettings.For(settings) with
    {
        RunDuration = settings.Duration, FaultGrace = TimeSpan.FromSeconds(15), NodeFaultGrace = NodeFaultGrace,
    };

    /// <summary>A node fault has recovered once the entities it stopped run again elsewhere, but its consequences are
    /// not over: when the node is back, the coordinator rebalances shards to it at its next rebalance ticks (sharding's
    /// default interval is 10 s, a few shards per tick), each moved entity stops and recovers from its journal on the
    /// rejoined node, and a request caught in a handoff is reported when its 3 s timeout fires. Measured: handoffs
    /// to the rejoined node 11–20 s after a node-kill recovered (quiet machine), and on 2 loaded cores an error of
    /// such a handoff counted 15–55 s after the recovery (one CI run, stop 18). A minute covers two rebalance ticks,
    /// handoffs and timeouts on a loaded machine.</summary>
    public static readonly TimeSpan NodeFaultGrace = TimeSpan.FromMinutes(1);

    /// <summary>What every member runs beside the entities: its own metrics (sampling its own process), the watcher of
    /// its dead letters, and its end of the recovery-signal relay. Returns the metrics actor.</summary>
    public static IActorRef MemberServices(IActorRefFactory system, MetricsSettings metrics)
    {
        var local = system.ActorOf(MetricsActor.Props(metrics), "metrics");
        system.ActorOf(LostMessageWatcher.Props(local), "lost-messages");
        system.ActorOf(SignalRelay.Props(), "signal-relay");
        return local;
    }

    /// <summary>
    /// Starts the run on the control member, once every member is Up: its member services, the metrics fan-out and
    /// the singletons, given the seams (the shard region proxies). Started here rather than with the host, because a
    /// run's clock must not start before its nodes are there, and the fault injector strikes node processes that the
    /// launcher starts after its own member. Returns the coordinator's singleton proxy.
    /// </summary>
    public static IActorRef Control(
        ActorSystem system, RunSettings settings, IReadOnlyDictionary<string, string> names, int tradingNodes,
        IActorRef exchange, IActorRef traders, IDatabaseOutage outage, INodeFaults nodes, string readJournalPluginId,
        IRunProgress? progress)
    {
        var metricsSettings = Metrics(settings);
        var local = MemberServices(system, metricsSettings with { LogsProgress = false });
        var metrics = system.ActorOf(MetricsFanout.Props(local, names, metricsSettings), MetricsFanoutName);
        var consistency = Singleton(system, ConsistencyActor.Props(readJournalPluginId, metrics), "consistency");
        var faults = settings.Faults.IsEmpty
            ? null
            : Singleton(system, FaultInjectorActor.Props(RunTopology.FaultInjection(settings, RunHistory.None, FaultScope.Cluster(tradingNodes)).Injection,
                exchange, traders, metrics, outage, nodes), "faults");
        return Singleton(system, RunCoordinator.Props(settings, new RunParts(metrics, exchange, traders, consistency, faults),
            RunHistory.None, progress), "run");
    }

    /// <summary>A singleton of the control role and the proxy through which it is addressed.</summary>
    private static IActorRef Singleton(ActorSystem system, Props props, string name)
    {
        system.ActorOf(ClusterSingletonManager.Props(props, PoisonPill.Instance,
            ClusterSingletonManagerSettings.Create(system).WithRole(ControlRole)), name);
        return system.ActorOf(ClusterSingletonProxy.Props($"/user/{name}",
            ClusterSingletonProxySettings.Create(system).WithRole(ControlRole)), $"{name}-proxy");
    }
}
