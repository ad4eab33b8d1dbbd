using Akka.Actor;
using Akka.Cluster;
using ContinuousOperation.Domain.Cluster;
using static Akka.Cluster.ClusterEvent;

namespace ContinuousOperation.Cli.Cluster;

/// <summary>Asks the recorder for the timeline so far; the reply is a <see cref="MembershipTimeline"/>.</summary>
internal sealed record GetMembershipTimeline
{
    public static readonly GetMembershipTimeline Instance = new();
}

/// <summary>Records every membership and reachability change this member sees, with the time it saw it, in a
/// <see cref="MembershipTimeline"/>. Members already there when it starts are recorded as they are (Up, …).</summary>
internal sealed class MembershipRecorder : ReceiveActor
{
    private MembershipTimeline _timeline = MembershipTimeline.Empty;

    public MembershipRecorder(TimeProvider clock)
    {
        Receive<IClusterDomainEvent>(change =>
        {
            if (KindOf(change) is not var (member, kind)) return;
            _timeline = _timeline.With(new MembershipEvent(clock.GetUtcNow(), member.Address.ToString(), member.UniqueAddress.Uid, kind));
        });
        Receive<GetMembershipTimeline>(_ => Sender.Tell(_timeline));
    }

    public static Props Props(TimeProvider clock) => Akka.Actor.Props.Create(() => new MembershipRecorder(clock));

    protected override void PreStart() =>
        Akka.Cluster.Cluster.Get(Context.System).Subscribe(Self, InitialStateAsEvents, typeof(IMemberEvent), typeof(IReachabilityEvent));

    protected override void PostStop() => Akka.Cluster.Cluster.Get(Context.System).Unsubscribe(Self);

    /// <summary>Exited (between Left and Removed) and WeaklyUp add nothing the timeline's readers use.</summary>
    private static (Member, MembershipEventKind)? KindOf(IClusterDomainEvent change) => change switch
    {
        MemberJoined e => (e.Member, MembershipEventKind.Joined),
        MemberUp e => (e.Member, MembershipEventKind.Up),
        MemberLeft e => (e.Member, MembershipEventKind.Left),
        MemberDowned e => (e.Member, MembershipEventKind.Downed),
        MemberRemoved e => (e.Member, MembershipEventKind.Removed),
        UnreachableMember e => (e.Member, MembershipEventKind.Unreachable),
        ReachableMember e => (e.Member, MembershipEventKind.Reachable),
        _ => null,
    };
}
