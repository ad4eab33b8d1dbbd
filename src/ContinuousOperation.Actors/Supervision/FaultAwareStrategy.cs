using Akka.Actor;
using Akka.Event;
using ContinuousOperation.Actors.Faults;

namespace ContinuousOperation.Actors;

/// <summary>
/// One-for-one supervision that logs a crash injected on purpose (<see cref="InjectedFaultException"/>) as a warning,
/// not as an error: it is expected, and the fault injector accounts for its recovery. The exception still travels
/// with the event, so its stack trace reaches run.log (the console shows one line). Any other failure is logged as
/// Akka logs it, an error.
/// </summary>
public sealed class FaultAwareStrategy : OneForOneStrategy
{
    public FaultAwareStrategy(Func<Exception, Directive> decider) : base(decider)
    {
    }

    public FaultAwareStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider)
        : base(maxNrOfRetries, withinTimeRange, decider)
    {
    }

    protected override void LogFailure(IActorContext context, IActorRef child, Exception cause, Directive directive)
    {
        if (cause is not InjectedFaultException injected)
        {
            base.LogFailure(context, child, cause, directive);
            return;
        }

        if (!LoggingEnabled) return;
        context.System.EventStream.Publish(new Warning(cause, child.Path.ToString(), GetType(),
            $"{injected.Message} of {child.Path.ToStringWithoutAddress()}: {DirectiveText(directive)}"));
    }

    private static string DirectiveText(Directive directive) => directive switch
    {
        Directive.Restart => "restarting it",
        Directive.Stop => "stopped (its back-off supervisor starts it again)",
        Directive.Resume => "resuming it",
        _ => "escalated",
    };
}
