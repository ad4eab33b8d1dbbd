using ContinuousOperation.Cli.Cluster;
using ContinuousOperation.Cli.Hosting;

namespace ContinuousOperation.Cli.Commands;

/// <summary>What <c>cluster</c> does: what <c>run</c> does (database check → folder → logging → run → report → exit
/// code), hosted by a cluster instead of this process alone (<see cref="ClusterRunHost"/>): the launcher's member,
/// then the node processes, the run once every member is Up, and at the end the nodes' leave and
/// <c>membership.json</c>.</summary>
internal static class ClusterVerb
{
    public static Task<int> ExecuteAsync(ClusterRunOptions options, ProcessSignals signals, CancellationToken cancellationToken) =>
        RunVerb.ExecuteAsync(options.Run with { Database = options.Database },
            (folder, database, userConfig, token) => ClusterRunHost.StartAsync(options, folder, database, userConfig, token),
            signals, cancellationToken);
}
