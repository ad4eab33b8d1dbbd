using Akka.Actor;
using Akka.Configuration;
using Akka.Hosting;
using ContinuousOperation.Actors.Cluster;
using ContinuousOperation.Actors.Run;
using ContinuousOperation.Cli.Commands;
using ContinuousOperation.Cli.Database;
using ContinuousOperation.Cli.Hosting;
using ContinuousOperation.Cli.Reporting;
using ContinuousOperation.Domain.Cluster;
using ContinuousOperation.Domain.Run;
using Serilog;

namespace ContinuousOperation.Cli.Cluster;

/// <summary>
/// The host of a cluster run: this process is the control member (its <see cref="ClusterLauncher"/>); the run's
/// entities live in the node processes it starts once the run's run.json exists. The run starts when every member is
/// Up and every node's shard regions are known to the coordinators: the singletons on this member (<see cref="ClusterRunTree.Control"/>), the books and traders wherever their shards
/// are. At the end it adds the cluster's history and each node's resources to the report, stops the nodes and writes
/// <c>membership.json</c>.
/// </summary>
internal sealed class ClusterRunHost(ClusterLauncher launcher, RunFolder folder, DatabaseTarget database) : IRunHost
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Every node's shard regions register with the coordinators within seconds of the node being Up; a minute
    /// leaves room for 2 busy cores.</summary>
    private static readonly TimeSpan RegionsTimeout = TimeSpan.FromMinutes(1);

    public ActorSystem System => launcher.System;

    public bool WritesBeforeTheRun => true;

    public ICanTell? LiveMetrics => null;

    public static async Task<IRunHost> StartAsync(
        ClusterRunOptions options, RunFolder folder, DatabaseTarget database, Config? userConfig, CancellationToken cancellationToken)
    {
        var launch = new ClusterLaunch(options.Run.Settings, options.Layout, database, userConfig, options.Run.ConfigFile, folder.Path,
            NodeExecutable.OfThisProcess());
        return new ClusterRunHost(await ClusterLauncher.StartAsync(launch, cancellationToken), folder, database);
    }

    public async Task<IActorRef> StartRunAsync(
        RunSettings settings, RunHistory history, IRunProgress progress, CancellationToken cancellationToken)
    {
        launcher.StartNodes();
        await launcher.AwaitAllUpAsync(JoinTimeout(launcher.Nodes.Nodes.Count), cancellationToken);
        Log.Information("All {Members} members are Up: {Names}", launcher.MemberNames.Count, launcher.MemberNames);
        var registry = ActorRegistry.For(System);
        await launcher.AwaitShardRegionsAsync([registry.Get<VenueRegion>(), registry.Get<TraderRegion>()], RegionsTimeout, cancellationToken);
        return ClusterRunTree.Control(System, settings, launcher.Names, launcher.Nodes.Nodes.Count,
            registry.Get<VenueRegion>(), registry.Get<TraderRegion>(), DatabaseOutages.For(database), launcher.NodeFaults,
            AkkaComposition.ReadJournalPluginId, progress);
    }

    public async Task<ClusterRun?> ClusterRunAsync()
    {
        var merged = await System.ActorSelection("/user/" + ClusterRunTree.MetricsFanoutName)
            .Ask<ClusterMetricsMerged>(GetMergedMetrics.Instance, AskTimeout);
        return new ClusterRun(await launcher.HistoryAsync(), merged.Metrics.Nodes);
    }

    public async ValueTask DisposeAsync()
    {
        await launcher.StopNodesAsync();
        await WriteMembershipAsync();
        await launcher.DisposeAsync();
    }

    /// <summary>A node process takes a few seconds to start on 2 busy cores; a node gives up joining after 60 s itself
    /// (cluster.hocon), and the launcher waits longer so that it reports the node's own reason.</summary>
    private static TimeSpan JoinTimeout(int nodes) => TimeSpan.FromSeconds(90 + 5 * nodes);

    /// <summary>Written however the run ended; a failure to write it is logged rather than thrown, so that it never
    /// hides the failure that ended the run.</summary>
    private async Task WriteMembershipAsync()
    {
        try
        {
            var history = await launcher.HistoryAsync();
            var file = new MembershipFile(history.Nodes, history.Membership, launcher.Nodes.Actions);
            file.Write(folder.Path);
            Log.Information("Membership history ({Changes} changes) written to {File}", file.Membership.Count,
                Path.Combine(folder.Path, MembershipFile.FileName));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or AskTimeoutException)
        {
            Log.Warning(e, "The membership timeline could not be written to {Folder}", folder.Path);
        }
    }
}
