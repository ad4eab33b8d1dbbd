namespace ContinuousOperation.Cli.Cluster;

/// <summary>One <c>node</c> process as the launcher starts it, and starts it again after a kill: the same arguments,
/// so the same port and address, and a new incarnation (a new unique id) of the member.</summary>
/// <param name="Name">node-1, node-2, …: the name in the launcher's log, the node's log file and the report.</param>
internal sealed record NodeLaunch(string Name, string Address, string LogFile, IReadOnlyList<string> Arguments);
