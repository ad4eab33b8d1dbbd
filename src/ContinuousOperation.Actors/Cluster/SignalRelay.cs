using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using ContinuousOperation.Domain.Faults;

namespace ContinuousOperation.Actors.Cluster;

/// <summary>
/// Makes the event stream of recovery signals cluster-wide. Books and traders publish <see cref="RecoverySignal"/>s on
/// their node's event stream; the coordinator and the fault injector listen on theirs, wherever they run. One relay per
/// node publishes the local signals to a distributed pub-sub topic and puts the other nodes' signals on the local event
/// stream, so neither side knows whether it runs on one node or many.
/// </summary>
public sealed class SignalRelay : ReceiveActor
{
    public const string Topic = "recovery-signals";

    private readonly IActorRef mediator = DistributedPubSub.Get(Context.System).Mediator;

    /// <summary>Signals this relay put on the local stream itself, which it will see again there: not to be sent back
    /// out. By reference, since two equal signals from two nodes are two signals.</summary>
    private readonly HashSet<RecoverySignal> relayedIn = new(ReferenceEqualityComparer.Instance);

    private readonly Address self = Akka.Cluster.Cluster.Get(Context.System).SelfAddress;

    public SignalRelay()
    {
        Receive<RecoverySignal>(signal =>
        {
            if (!relayedIn.Remove(signal)) mediator.Tell(new Publish(Topic, new RelayedSignal(self, signal)));
        });
        Receive<RelayedSignal>(relayed =>
        {
            if (relayed.Origin == self) return;
            relayedIn.Add(relayed.Signal);
            Context.System.EventStream.Publish(relayed.Signal);
        });
        Receive<SubscribeAck>(_ => { });
    }

    public static Props Props() => Akka.Actor.Props.Create(() => new SignalRelay());

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(RecoverySignal));
        mediator.Tell(new Subscribe(Topic, Self));
    }

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);
}

/// <summary>A recovery signal on its way between nodes, with the node it was first published on.</summary>
public sealed record RelayedSignal(Address Origin, RecoverySignal Signal);
