using Akka.Actor;
using ContinuousOperation.Actors.Cluster;
using ContinuousOperation.Actors.Faults;
using ContinuousOperation.Domain.Faults;
using Serilog;

namespace ContinuousOperation.Cli.Cluster;

/// <summary>
/// The node faults, struck on the launcher's node processes (trading node K is <c>node-K</c>). What the node hosts is
/// asked of the run's <see cref="ClusterObserver"/> just before the strike. The node comes back on its own after the
/// fault's duration (wall time):
/// <list type="bullet">
/// <item><c>node-kill</c>: SIGKILL, then started again on the same port (a new incarnation);</item>
/// <item><c>node-partition</c>: SIGSTOP, then SIGCONT. A node paused long enough to be downed learns it is out at its
/// first contact (<see cref="QuarantineWatch"/>) and exits; it is then started again. One that was not downed just
/// goes on;</item>
/// <item><c>node-leave</c>: SIGTERM, a graceful leave (shards handed off), then started again.</item>
/// </list>
/// </summary>
internal sealed class LauncherNodeFaults(NodeProcesses nodes, IActorRef observer, TimeProvider clock) : INodeFaults
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How long a node has to end after a resume or a leave before it is left as it is (resumed and not
    /// downed) or, for a leave, killed: the leave bound of a node plus the time to notice it was quarantined.</summary>
    private static readonly TimeSpan ExitBound = TimeSpan.FromSeconds(40);

    public async Task<NodeStrike> StrikeAsync(ScheduledFault fault, CancellationToken cancellationToken)
    {
        var node = $"node-{fault.Node ?? throw new ArgumentException($"fault #{fault.Id} names no node", nameof(fault))}";
        var hosted = await observer.Ask<Hosted>(new GetHosted(node), AskTimeout, cancellationToken);
        var at = clock.GetUtcNow();
        switch (fault.Kind)
        {
            case FaultKind.NodeKill:
                await nodes.KillAsync(node);
                break;
            case FaultKind.NodePartition:
                nodes.Pause(node);
                break;
            case FaultKind.NodeLeave:
                nodes.Leave(node);
                break;
            default:
                throw new ArgumentException($"fault #{fault.Id} ({fault.Kind.Name()}) is not a node fault", nameof(fault));
        }

        _ = BringBackAsync(node, fault);
        return new NodeStrike(at, hosted.Entities);
    }

    private async Task BringBackAsync(string node, ScheduledFault fault)
    {
        try
        {
            await Task.Delay(fault.Duration);
            if (fault.Kind == FaultKind.NodePartition) nodes.Resume(node);
            if (fault.Kind != FaultKind.NodeKill && !await nodes.ExitedWithinAsync(node, ExitBound))
            {
                if (fault.Kind == FaultKind.NodePartition) return;
                Log.Warning("{Node} did not finish leaving within {Bound} of fault #{FaultId}: killed", node, ExitBound, fault.Id);
                await nodes.KillAsync(node);
            }

            nodes.Restart(node);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            Log.Error(e, "{Node} could not be brought back after fault #{FaultId}", node, fault.Id);
        }
    }
}
