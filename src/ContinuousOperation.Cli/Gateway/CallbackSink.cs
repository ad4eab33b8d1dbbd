using Akka.Actor;

namespace ContinuousOperation.Cli.Gateway;

/// <summary>The address a WebSocket connection has in the actor system: whatever the venue sends it is handed to the
/// connection's callback (which maps it and queues it, never waiting on the socket).</summary>
internal sealed class CallbackSink : ReceiveActor
{
    public CallbackSink(Action<object> deliver) => ReceiveAny(deliver);

    public static Props Props(Action<object> deliver) => Akka.Actor.Props.Create(() => new CallbackSink(deliver));
}
