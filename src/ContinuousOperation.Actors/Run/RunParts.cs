using Akka.Actor;

namespace ContinuousOperation.Actors.Run;

/// <summary>
/// What the composition root hands the coordinator: the metrics actor, the two symbol seams (each an
/// <see cref="IActorRef"/> that routes by symbol: a local router on one node, a shard region in the cluster), the
/// consistency checker and, when the run has faults, the fault injector (idle until the coordinator starts its clock).
/// </summary>
public sealed record RunParts(IActorRef Metrics, IActorRef Exchange, IActorRef Traders, IActorRef Consistency, IActorRef? Faults)
{
    /// <summary>The parts whose end is the end of the run: one that stops for good is a critical error.</summary>
    public IEnumerable<IActorRef> Watched => Faults is null
        ? [Metrics, Exchange, Traders, Consistency]
        : [Metrics, Exchange, Traders, Consistency, Faults];
}
