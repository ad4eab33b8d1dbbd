using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Tools.PublishSubscribe;
using ContinuousOperation.Domain.Cluster;
using ContinuousOperation.Domain.Faults;
using static Akka.Cluster.ClusterEvent;

namespace ContinuousOperation.Actors.Cluster;

/// <summary>
/// Keeps the <see cref="ClusterTimeline"/> of a cluster run on the control member: membership changes as the cluster
/// announces them, and where each book and trader started (every recovery signal arrives through the relay's topic
/// with the node it came from). Answers what a node hosts now (<see cref="GetHosted"/>: what a node fault affects) and
/// the history the report shows (<see cref="GetClusterHistory"/>). Members are named by the caller (the launcher knows
/// which address is <c>node-2</c>); an address it did not name is shown as it is.
/// </summary>
public sealed class ClusterObserver : ReceiveActor
{
    private readonly ClusterTimeline timeline = new();
    private readonly IReadOnlyDictionary<string, string> names;

    public ClusterObserver(IReadOnlyDictionary<string, string> names)
    {
        this.names = names;
        Receive<ClusterNode>(timeline.NodeStarted);
        Receive<MemberJoined>(m => Changed(m.Member, MembershipChange.Joined));
        Receive<MemberUp>(m => Changed(m.Member, MembershipChange.Up));
        Receive<MemberDowned>(m => Changed(m.Member, MembershipChange.Downed));
        Receive<MemberRemoved>(m => Changed(m.Member, MembershipChange.Removed));
        Receive<UnreachableMember>(m => Changed(m.Member, MembershipChange.Unreachable));
        Receive<ReachableMember>(m => Changed(m.Member, MembershipChange.Reachable));
        Receive<IMemberEvent>(_ => { });
        Receive<CurrentClusterState>(_ => { });
        Receive<SubscribeAck>(_ => { });
        Receive<RelayedSignal>(relayed =>
        {
            if (relayed.Signal is EntityRecovered up)
                timeline.Placed(new EntityPlacement(up.At, new HostedEntity(up.Entity, up.Symbol), NameOf(relayed.Origin)));
        });
        Receive<GetHosted>(get => Sender.Tell(new Hosted(timeline.HostedBy(get.Node))));
        Receive<GetClusterHistory>(_ => Sender.Tell(timeline.History(DateTimeOffset.UtcNow)));
    }

    public static Props Props(IReadOnlyDictionary<string, string> names) => Akka.Actor.Props.Create(() => new ClusterObserver(names));

    protected override void PreStart()
    {
        Akka.Cluster.Cluster.Get(Context.System).Subscribe(Self, InitialStateAsEvents, typeof(IMemberEvent), typeof(IReachabilityEvent));
        DistributedPubSub.Get(Context.System).Mediator.Tell(new Subscribe(SignalRelay.Topic, Self));
    }

    protected override void PostStop() => Akka.Cluster.Cluster.Get(Context.System).Unsubscribe(Self);

    private void Changed(Member member, MembershipChange change) =>
        timeline.MemberChanged(DateTimeOffset.UtcNow, NameOf(member.Address), change);

    private string NameOf(Address address) => names.TryGetValue(address.ToString(), out var name) ? name : address.ToString();
}

/// <summary>Asks the observer what <paramref name="Node"/> hosts now.</summary>
public sealed record GetHosted(string Node);

public sealed record Hosted(IReadOnlyCollection<HostedEntity> Entities);

public sealed record GetClusterHistory
{
    public static readonly GetClusterHistory Instance = new();
}
