using Akka.Actor;
using Akka.Event;
using ContinuousOperation.Actors.Exchange;
using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Actors.Monitoring;

/// <summary>
/// Watches the event stream for messages that reached no one: a business message (order and account flow) lost to
/// dead letters, or any of the run's own messages that its receiver did not handle, is an error of the run.
/// </summary>
public sealed class LostMessageWatcher : ReceiveActor
{
    private static readonly System.Reflection.Assembly RunMessages = typeof(IBusinessMessage).Assembly;

    public LostMessageWatcher(IActorRef metrics)
    {
        Receive<DeadLetter>(lost =>
        {
            if (lost.Message is IBusinessMessage) Report(metrics, lost.Message, lost.Recipient, "reached no one (dead letter)");
        });
        Receive<UnhandledMessage>(unhandled =>
        {
            if (unhandled.Message.GetType().Assembly == RunMessages)
                Report(metrics, unhandled.Message, unhandled.Recipient, "was not handled by its receiver");
        });
    }

    public static Props Props(IActorRef metrics) => Akka.Actor.Props.Create(() => new LostMessageWatcher(metrics));

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(DeadLetter));
        Context.System.EventStream.Subscribe(Self, typeof(UnhandledMessage));
    }

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private static void Report(IActorRef metrics, object message, IActorRef recipient, string what) =>
        metrics.Tell(new ReportError(ErrorKind.LostMessage, ErrorSeverity.Error, recipient.Path.ToStringWithoutAddress(),
            $"{message.GetType().Name} {what}"));
}
