using Akka.Actor;

namespace ContinuousOperation.Actors;

/// <summary>
/// The user guardian's strategy (<c>akka.actor.guardian-supervisor-strategy</c>), since the run's parts are top-level
/// actors: a part that fails is restarted, but one that fails more than 10 times in a minute is stopped, and the
/// coordinator, which watches every part, reports that as critical. Akka's default would restart it forever.
/// </summary>
public sealed class RunPartsSupervision : SupervisorStrategyConfigurator
{
    public override SupervisorStrategy Create() =>
        new FaultAwareStrategy(maxNrOfRetries: 10, withinTimeRange: TimeSpan.FromMinutes(1), _ => Directive.Restart);
}
