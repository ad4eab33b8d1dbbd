using Akka.Actor;
using Akka.Event;
using ContinuousOperation.Actors.Exchange;
using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Actors.Monitoring;

/// <summary>
/// Watches the event stream for messages that reached no one: a business message (order and account flow) lost to
/// dead letters, or any of the run's own messages that its receiver did not handle, is an error of the run. Every dead
/// letter is counted (<see cref="DeadLetterTally"/>) and summarized one burst at a time, instead of Akka's line per
/// message (<c>akka.log-dead-letters</c> is off); the first <see cref="MaxLoggedOneByOne"/> are also logged one by one
/// with <see cref="DeadLetterTemplate"/>, a line the console leaves to run.log.
/// </summary>
public sealed class LostMessageWatcher : ReceiveActor, IWithTimers
{
    public const string DeadLetterTemplate = "Dead letter {MessageType} from {Sender} to {Recipient}";

    /// <summary>A burst is summarized this long after its first dead letter: long enough for a crash's storm to pass.</summary>
    private static readonly TimeSpan SummaryDelay = TimeSpan.FromSeconds(2);

    private const int MaxLoggedOneByOne = 1000;
    private static readonly System.Reflection.Assembly RunMessages = typeof(IBusinessMessage).Assembly;

    private readonly ILoggingAdapter log = Context.GetLogger();
    private readonly DeadLetterTally deadLetters = new();

    public LostMessageWatcher(IActorRef metrics)
    {
        Receive<DeadLetter>(lost =>
        {
            Count(lost);
            if (lost.Message is IBusinessMessage business)
                Report(metrics, business, $"{lost.Recipient.Path.ToStringWithoutAddress()} ({business.Symbol})", "reached no one (dead letter)");
        });
        Receive<UnhandledMessage>(unhandled =>
        {
            if (unhandled.Message.GetType().Assembly == RunMessages)
                Report(metrics, unhandled.Message, unhandled.Recipient.Path.ToStringWithoutAddress(), "was not handled by its receiver");
        });
        Receive<SummarizeDeadLetters>(_ => Summarize());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(IActorRef metrics) => Akka.Actor.Props.Create(() => new LostMessageWatcher(metrics));

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(DeadLetter));
        Context.System.EventStream.Subscribe(Self, typeof(UnhandledMessage));
    }

    protected override void PostStop()
    {
        Context.System.EventStream.Unsubscribe(Self);
        Summarize();
    }

    private void Count(DeadLetter lost)
    {
        var message = lost.Message is IWrappedMessage wrapped ? wrapped.Message : lost.Message;
        var type = message.GetType().Name;
        if (deadLetters.Total < MaxLoggedOneByOne)
            log.Info(DeadLetterTemplate, type, lost.Sender.Path.ToStringWithoutAddress(), lost.Recipient.Path.ToStringWithoutAddress());
        if (deadLetters.Record(type)) Timers.StartSingleTimer(nameof(SummarizeDeadLetters), SummarizeDeadLetters.Instance, SummaryDelay);
    }

    private void Summarize()
    {
        if (deadLetters.TakeBurst() is { } burst) log.Info(DeadLetterTally.Template, burst.Count, burst.ByType);
    }

    /// <summary>The source names the symbol when the message has one: a message dead-lettered by a back-off supervisor
    /// whose child is restarting names only the dead-letter office as its recipient.</summary>
    private static void Report(IActorRef metrics, object message, string source, string what) =>
        metrics.Tell(new ReportError(ErrorKind.LostMessage, ErrorSeverity.Error, source, $"{message.GetType().Name} {what}"));

    private sealed record SummarizeDeadLetters
    {
        public static readonly SummarizeDeadLetters Instance = new();
    }
}
