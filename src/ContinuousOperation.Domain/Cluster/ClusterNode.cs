namespace ContinuousOperation.Domain.Cluster;

/// <summary>One member process of a cluster run: its name (<c>node-2</c>, <c>control</c>), its remoting address
/// (<c>akka.tcp://soak@127.0.0.1:4053</c>), its role (<c>control</c> or <c>trading</c>) and, when the launcher started
/// it on this host, the pid of its latest incarnation.</summary>
public sealed record ClusterNode(string Name, string Address, string Role, int? Pid = null);
