namespace ContinuousOperation.Domain.Cluster;

/// <summary>What the launcher did to a node process. <see cref="Killed"/> is SIGKILL (no leave, no clean-up),
/// <see cref="Paused"/>/<see cref="Resumed"/> are SIGSTOP/SIGCONT (the process is frozen, its sockets stay open),
/// <see cref="Stopped"/> is the graceful end (SIGTERM: the node leaves the cluster).</summary>
public enum NodeActionKind
{
    Started,
    Killed,
    Paused,
    Resumed,
    Restarted,
    Stopped,
}

/// <summary>One action on one node process, with the time it was taken, for the report's node faults.</summary>
public sealed record NodeAction(DateTimeOffset At, string Node, int ProcessId, NodeActionKind Kind);
