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
            if (lost.Message is IBusinessMessage business)
                Report(metrics, business, $"{lost.Recipient.Path.ToStringWithoutAddress()} ({business.Symbol})", "reached no one (dead letter)");
        });
        Receive<UnhandledMessage>(unhandled =>
        {
            if (unhandled.Message.GetType().Assembly == RunMessages)
                Report(metrics, unhandled.Message, unhandled.Recipient.Path.ToStringWithoutAddress(), "was not handled by its receiver");
        });
    }

    public static Props Props(IActorRef metrics) => Akka.Actor.Props.Create(() => new LostMessageWatcher(metrics));

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(DeadLetter));
        Context.System.EventStream.Subscribe(Self, typeof(UnhandledMessage));
    }

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    /// <summary>The source names the symbol when the message has one: a message dead-lettered by a back-off supervisor
    /// whose child is restarting names only the dead-letter office as its recipient.</summary>
    private static void Report(IActorRef metrics, object message, string source, string what) =>
        metrics.Tell(new ReportError(ErrorKind.LostMessage, ErrorSeverity.Error, source, $"{message.GetType().Name} {what}"));
}
