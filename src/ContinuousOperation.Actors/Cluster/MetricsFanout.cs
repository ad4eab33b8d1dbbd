using Akka.Actor;
using Akka.Cluster;
using Akka.Event;
using ContinuousOperation.Actors.Faults;
using ContinuousOperation.Actors.Monitoring;
using ContinuousOperation.Domain.Cluster;
using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Actors.Cluster;

/// <summary>
/// The coordinator's and fault injector's metrics actor in a cluster run. Every member has its own
/// <see cref="MetricsActor"/> at <c>/user/metrics</c>, sampling its own process and counting what its entities do;
/// this actor tells them all what concerns them all (trading ended, a fault in effect or settled; a member that comes
/// up later, such as a node started again after a kill, is told the faults still in effect), keeps every node
/// process's latest snapshot (<see cref="NodeSnapshots"/>, refreshed every <see cref="RefreshInterval"/>, so a killed
/// node's counts are not lost) and answers for the cluster: tallies and snapshots are the nodes' merged.
/// </summary>
public sealed class MetricsFanout : ReceiveActor, IWithTimers
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);

    private readonly Akka.Cluster.Cluster cluster = Akka.Cluster.Cluster.Get(Context.System);
    private readonly NodeSnapshots nodes = new();
    private readonly Dictionary<int, FaultInEffect> inEffect = new();
    private ClusterMetricsMerged? final;
    private readonly IReadOnlyDictionary<string, string> names;
    private readonly MetricsSettings settings;
    private readonly DateTimeOffset startedAt = DateTimeOffset.UtcNow;
    private readonly ILoggingAdapter log = Context.GetLogger();

    /// <param name="names">The members' names by address (<c>node-2</c>); an address not named is shown as it is.</param>
    /// <param name="settings">The run's: the fan-out logs the run's progress line, from every node's counts.</param>
    public MetricsFanout(IActorRef local, IReadOnlyDictionary<string, string> names, MetricsSettings settings)
    {
        this.names = names;
        this.settings = settings;
        Receive<ReportError>(local.Forward);
        Receive<TradingEnded>(Broadcast);
        Receive<FaultInEffect>(fault =>
        {
            inEffect[fault.FaultId] = fault;
            Broadcast(fault);
        });
        Receive<FaultSettled>(settled =>
        {
            inEffect.Remove(settled.FaultId);
            Broadcast(settled);
        });
        Receive<ClusterEvent.MemberUp>(up =>
        {
            foreach (var fault in inEffect.Values) MetricsOf(up.Member).Tell(fault);
        });
        Receive<ClusterEvent.CurrentClusterState>(_ => { });
        Receive<Refresh>(_ => RefreshAll(GetMetricsSoFar.Instance).PipeTo(Self));
        Receive<Refreshed>(refreshed =>
        {
            Record(refreshed);
        });
        Receive<ProgressTick>(_ =>
            log.Info(ProgressLine.Template, nodes.Progress(DateTimeOffset.UtcNow - startedAt, settings.RunDuration).Values));
        Receive<GetMetricsTally>(_ => Sender.Tell(new MetricsTally(nodes.Counters(), nodes.Errors())));
        Receive<GetMetricsSnapshot>(_ =>
        {
            var replyTo = Sender;
            RefreshAll(GetMetricsSnapshot.Instance).PipeTo(Self, success: refreshed => new Final(refreshed, replyTo));
        });
        Receive<Final>(last =>
        {
            Record(last.Refreshed);
            final = new ClusterMetricsMerged(nodes.Merged());
            last.ReplyTo.Tell(final.Metrics.Whole);
        });
        Receive<GetMergedMetrics>(_ => Sender.Tell(final ?? new ClusterMetricsMerged(nodes.Merged())));
    }

    public static Props Props(IActorRef local, IReadOnlyDictionary<string, string> names, MetricsSettings settings) =>
        Akka.Actor.Props.Create(() => new MetricsFanout(local, names, settings));

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        cluster.Subscribe(Self, typeof(ClusterEvent.MemberUp));
        Timers.StartPeriodicTimer(nameof(Refresh), Refresh.Instance, RefreshInterval);
        Timers.StartPeriodicTimer(nameof(ProgressTick), ProgressTick.Instance, settings.ProgressInterval);
    }

    protected override void PostStop() => cluster.Unsubscribe(Self);

    private IEnumerable<Member> Members => cluster.State.Members.Where(m => m.Status is MemberStatus.Up or MemberStatus.Leaving);

    private void Broadcast(object message)
    {
        foreach (var member in Members) MetricsOf(member).Tell(message);
    }

    private ActorSelection MetricsOf(Member member) => Context.ActorSelection(new RootActorPath(member.Address) / "user" / "metrics");

    /// <summary>A member that does not answer in time keeps its last snapshot.</summary>
    private async Task<Refreshed> RefreshAll(object query)
    {
        var asks = Members.Select(async member =>
        {
            try
            {
                return (member.UniqueAddress, await MetricsOf(member).Ask<MetricsSnapshot>(query, AskTimeout));
            }
            catch (Exception ex) when (ex is AskTimeoutException or TaskCanceledException)
            {
                return ((UniqueAddress, MetricsSnapshot)?)null;
            }
        });
        return new Refreshed((await Task.WhenAll(asks)).OfType<(UniqueAddress, MetricsSnapshot)>().ToArray());
    }

    private sealed record ProgressTick
    {
        public static readonly ProgressTick Instance = new();
    }

    private sealed record Refresh
    {
        public static readonly Refresh Instance = new();
    }

    /// <summary>A node started again on the same port is another process with its own counts: the address's
    /// incarnation (uid) tells them apart.</summary>
    private void Record(Refreshed refreshed)
    {
        foreach (var (member, snapshot) in refreshed.Snapshots)
        {
            var address = member.Address.ToString();
            nodes.Record(names.TryGetValue(address, out var name) ? name : address, member.Uid, snapshot);
        }
    }

    private sealed record Refreshed(IReadOnlyList<(UniqueAddress Member, MetricsSnapshot Snapshot)> Snapshots);

    private sealed record Final(Refreshed Refreshed, IActorRef ReplyTo);
}

/// <summary>Asks the fan-out for the run's merged metrics (those of the final snapshot, once it was taken): the
/// report's per-node resources come from it.</summary>
public sealed record GetMergedMetrics
{
    public static readonly GetMergedMetrics Instance = new();
}

public sealed record ClusterMetricsMerged(MergedMetrics Metrics);
