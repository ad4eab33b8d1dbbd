using Akka.Actor;
using ContinuousOperation.Cli.Cluster;
using ContinuousOperation.Cli.Database;
using ContinuousOperation.Cli.Hosting;
using ContinuousOperation.Cli.Reporting;
using Serilog;

namespace ContinuousOperation.Cli.Commands;

/// <summary>What <c>cluster</c> does: database check → run folder → logging → the launcher's member and the node
/// processes → wait until every member is Up → (the soak) → nodes leave → <c>membership.json</c> → exit code.
/// The run folder is kept whatever happens: the node logs in <c>nodes/</c> explain a cluster that did not come up.</summary>
internal static class ClusterVerb
{
    private const string NodesFolder = "nodes";

    public static async Task<int> ExecuteAsync(ClusterRunOptions options, ProcessSignals signals, CancellationToken cancellationToken)
    {
        var settings = options.Run.Settings;
        var layout = options.Layout;
        await DatabasePreparation.PrepareForRunAsync(options.Database, cancellationToken);
        var folder = RunFolder.Create(options.Run.ReportDirectory, DateTimeOffset.UtcNow, settings.Seed);
        using var logging = RunLogging.Start(folder.LogFile);
        Log.Information("Cluster run {RunId}: the launcher and {Nodes} nodes on {Host}, journal {Database}; output in {Folder}",
            settings.Run, layout.NodePorts.Count, layout.AdvertisedHost, options.Database.Describe().Location, folder.Path);

        var launch = new ClusterLaunch(layout, options.Database, options.Run.UserConfig, options.Run.ConfigFile,
            Path.Combine(folder.Path, NodesFolder), NodeExecutable.OfThisProcess());
        await using var launcher = await ClusterLauncher.StartAsync(launch, cancellationToken);
        try
        {
            await launcher.AwaitAllUpAsync(JoinTimeout(layout.NodePorts.Count), cancellationToken);
            Log.Information("All {Members} members are Up: {Names}", launcher.MemberNames.Count, launcher.MemberNames);
            var stop = signals.ServiceStarted();

            // Integration point of issue 9, items 3 to 7: the soak runs here across the nodes (singletons on this
            // member, shard regions on the nodes) and ends with one report. Until it is wired, the launcher only holds
            // the cluster for the run's duration.
            var interrupted = !await HoldAsync(settings.Duration, stop);
            return interrupted ? ExitCodes.Interrupted : ExitCodes.Passed;
        }
        catch (InfrastructureException e)
        {
            Log.Error("{Reason}", e.Message);
            throw;
        }
        finally
        {
            await launcher.StopNodesAsync();
            await WriteMembershipAsync(launcher, folder);
        }
    }

    /// <summary>A node process takes a few seconds to start on 2 busy cores; a node gives up joining after 60 s itself
    /// (cluster.hocon), and the launcher waits longer so that it reports the node's own reason.</summary>
    private static TimeSpan JoinTimeout(int nodes) => TimeSpan.FromSeconds(90 + 5 * nodes);

    /// <summary>True when <paramref name="duration"/> passed, false when a signal ended it first.</summary>
    private static async Task<bool> HoldAsync(TimeSpan duration, CancellationToken stop)
    {
        try
        {
            await Task.Delay(duration, stop);
            return true;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Written however the run ended; a failure to write it is logged rather than thrown, so that it never
    /// hides the failure that ended the run.</summary>
    private static async Task WriteMembershipAsync(ClusterLauncher launcher, RunFolder folder)
    {
        try
        {
            var history = await launcher.HistoryAsync();
            var file = new MembershipFile(history.Nodes, history.Membership, launcher.Nodes.Actions);
            file.Write(folder.Path);
            Log.Information("Membership history ({Changes} changes) written to {File}", file.Membership.Count, Path.Combine(folder.Path, MembershipFile.FileName));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or AskTimeoutException)
        {
            Log.Warning(e, "The membership timeline could not be written to {Folder}", folder.Path);
        }
    }
}
