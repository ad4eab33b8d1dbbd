namespace ContinuousOperation.Domain.Cluster;

/// <summary>What a cluster run adds to a run's result: its history and each node's resources.</summary>
public sealed record ClusterRun(ClusterHistory History, IReadOnlyList<NodeResources> Nodes);
