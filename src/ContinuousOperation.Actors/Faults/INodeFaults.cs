using ContinuousOperation.Domain.Faults;

namespace ContinuousOperation.Actors.Faults;

/// <summary>
/// Strikes a whole node of a cluster run, for the node faults: <c>node-kill</c> (SIGKILL, started again after the
/// fault's duration), <c>node-partition</c> (paused for the duration, so the split brain resolver downs it; it then
/// starts again as a new incarnation) and <c>node-leave</c> (a graceful leave: its shards are handed off; started again
/// after the duration). Implemented by the cluster launcher, which owns the node processes.
/// </summary>
public interface INodeFaults
{
    /// <summary>Strikes the fault's node and returns when it did, with the entities the node hosted at that moment
    /// (their recovery, wherever they start again, is the fault's recovery). Bringing the node back happens on its own
    /// afterwards.</summary>
    Task<NodeStrike> StrikeAsync(ScheduledFault fault, CancellationToken cancellationToken);
}

public sealed record NodeStrike(DateTimeOffset At, IReadOnlyCollection<HostedEntity> Hosted);
