using Akka.Event;
using ContinuousOperation.Actors.Exchange;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Actors.Topology;

/// <summary>
/// Sent by the coordinator to every symbol through both seams, at the start and then every second: a seam starts an
/// entity when a message comes for it (a shard region starts it on the node that owns its shard), so this is what
/// brings every book and trader up, and back up on another node after its node was lost. The entities ignore it, and
/// one that reaches an entity waiting for its back-off restart is not worth a dead-letter line.
/// </summary>
public sealed record EnsureStarted(Symbol Symbol) : IWithSymbol, IDeadLetterSuppression;
