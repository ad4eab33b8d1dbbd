using Akka.Actor;
using Akka.Pattern;

namespace ContinuousOperation.Actors;

/// <summary>
/// Back-off for persistent children. A failed persist always stops a persistent actor, so they run under a
/// <see cref="BackoffSupervisor"/> that starts them again (recovering from the journal) after a growing pause —
/// which is what lets a database outage be survived without hammering the database.
/// </summary>
public sealed record RestartBackoff(TimeSpan Min, TimeSpan Max, double RandomFactor)
{
    public static readonly RestartBackoff Default = new(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), 0.2);

    /// <summary>Supervisor props that restart the child on stop, and on any exception it throws.</summary>
    public Props Supervise(Props child, string childName) =>
        BackoffSupervisor.Props(
            Backoff.OnStop(child, childName, Min, Max, RandomFactor, maxNrOfRetries: -1)
                .WithSupervisorStrategy(new FaultAwareStrategy(_ => Directive.Stop))
                .WithAutoReset(Max + Max));
}
