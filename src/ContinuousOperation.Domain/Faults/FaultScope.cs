namespace ContinuousOperation.Domain.Faults;

/// <summary>What a run's faults can hit: one process, or a cluster of <see cref="Nodes"/> trading nodes (numbered
/// 1 to <see cref="Nodes"/>; the control node that runs the coordinator is never a target).</summary>
public sealed record FaultScope
{
    public static readonly FaultScope SingleNode = new(0);

    private FaultScope(int nodes) => Nodes = nodes;

    public int Nodes { get; }

    public bool IsCluster => Nodes > 0;

    public static FaultScope Cluster(int nodes) => nodes >= 1
        ? new FaultScope(nodes)
        : throw new ArgumentOutOfRangeException(nameof(nodes), nodes, "a cluster has at least one trading node");
}
