using Akka.Actor;
using Akka.Remote;

namespace ContinuousOperation.Cli.Cluster;

/// <summary>
/// Tells a node that another member has quarantined it. The cluster quarantines a member's incarnation when it removes
/// it, so a node that was paused or cut off past its downing learns here, at its first contact after, that it is out.
/// Without this it judges from its own view, stale by then: seen under load, its split brain resolver found the others
/// unreachable one at a time, downed them, and went on as a cluster of one.
/// </summary>
internal static class QuarantineWatch
{
    /// <summary>Completes with the address of the first member that quarantines this actor system.</summary>
    public static Task<string> Start(ActorSystem system)
    {
        var quarantined = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        system.ActorOf(Props.Create(() => new Listener(quarantined)), "quarantine-watch");
        return quarantined.Task;
    }

    private sealed class Listener : ReceiveActor
    {
        public Listener(TaskCompletionSource<string> quarantined)
        {
            Receive<ThisActorSystemQuarantinedEvent>(e => quarantined.TrySetResult(e.RemoteAddress.ToString()));
        }

        protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(ThisActorSystemQuarantinedEvent));
    }
}
