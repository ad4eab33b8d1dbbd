using Akka.Actor;
using ContinuousOperation.Cli.Cluster;
using ContinuousOperation.Cli.Database;
using ContinuousOperation.Cli.Hosting;
using Serilog;
using Serilog.Events;

namespace ContinuousOperation.Cli.Commands;

/// <summary>What <c>node</c> does: logging → database check → actor system (joins the cluster) → wait for the end →
/// leave → exit code. The end is one of: a signal (graceful leave, exit 0); the member removed from the cluster
/// without being asked, i.e. downed by the split brain resolver (its actor system stops, or another member has
/// quarantined it) or unable to join, exit 3; the launcher gone (leave, exit 3).</summary>
internal static class NodeVerb
{
    /// <summary>How long a graceful leave may take: the leader must see the leave converge, and a member that is
    /// unreachable at that moment holds convergence back until it is downed (stable-after in cluster.hocon).</summary>
    private static readonly TimeSpan LeaveBound = TimeSpan.FromSeconds(30);

    public static async Task<int> ExecuteAsync(NodeOptions options, ProcessSignals signals, CancellationToken cancellationToken)
    {
        using var logging = RunLogging.Start(options.LogFile, consoleLevel: LogEventLevel.Warning);
        var member = options.Member;
        Log.Information("Node starting: roles {Roles}, seed nodes {SeedNodes}, launcher pid {LauncherPid}",
            member.Roles, member.SeedNodes, options.LauncherPid);
        await DatabasePreparation.PrepareForRunAsync(options.Database, cancellationToken);

        var host = await ActorHost.StartAsync(options.Database, options.UserConfig, cancellationToken, member);
        var cluster = Akka.Cluster.Cluster.Get(host.System);
        var address = cluster.SelfAddress.ToString();
        CancellationToken stop;
        try
        {
            stop = signals.ServiceStarted();
        }
        catch (OperationCanceledException)
        {
            await LeaveAsync(host, address);
            throw;
        }

        var wasUp = false;
        var removed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cluster.RegisterOnMemberUp(() =>
        {
            wasUp = true;
            Log.Information("Node {Address} is Up (incarnation {Incarnation})", address, cluster.SelfUniqueAddress.Uid);
        });
        cluster.RegisterOnMemberRemoved(() => removed.TrySetResult());
        var quarantined = QuarantineWatch.Start(host.System);
        Log.Information("Node {Address} joining through {SeedNodes}", address, member.SeedNodes);

        var stopped = WhenCancelled(stop);
        using var watching = new CancellationTokenSource();
        var launcherGone = options.LauncherPid is { } pid ? LauncherWatch.GoneAsync(pid, watching.Token) : Task.Delay(Timeout.Infinite, watching.Token);
        var ended = await Task.WhenAny(stopped, removed.Task, quarantined, host.System.WhenTerminated, launcherGone);
        await watching.CancelAsync();

        if (ended == stopped)
        {
            await LeaveAsync(host, address);
            return ExitCodes.Passed;
        }

        if (ended == launcherGone)
        {
            Log.Error("The launcher (pid {LauncherPid}) is gone: node {Address} leaves the cluster and exits", options.LauncherPid, address);
            await LeaveAsync(host, address);
            throw new InfrastructureException($"the launcher (pid {options.LauncherPid}) is gone: node {address} left the cluster");
        }

        var reason = ended == quarantined
            ? $"node {address} was removed from the cluster: {await quarantined} has quarantined it (downed while it was paused or cut off)"
            : wasUp
                ? $"node {address} was removed from the cluster (downed by the split brain resolver, or its actor system stopped)"
                : $"node {address} could not join the cluster through {string.Join(", ", member.SeedNodes)}";
        Log.Error("{Reason}; the node exits", reason);
        await LeaveAsync(host, address);
        throw new InfrastructureException($"{reason} (log: {Path.GetFullPath(options.LogFile)})");
    }

    /// <summary>Stopping the host runs coordinated shutdown, whose first phases are the cluster leave; bounded, so a
    /// leave that cannot converge does not keep the process alive.</summary>
    private static async Task LeaveAsync(ActorHost host, string address)
    {
        var stopping = host.DisposeAsync().AsTask();
        if (await Task.WhenAny(stopping, Task.Delay(LeaveBound)) == stopping)
        {
            await stopping;
            Log.Information("Node {Address} has stopped", address);
        }
        else
        {
            Log.Warning("Node {Address} did not finish leaving within {Bound}; it exits anyway", address, LeaveBound);
        }
    }

    private static Task WhenCancelled(CancellationToken token)
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        token.Register(() => cancelled.TrySetResult());
        return cancelled.Task;
    }
}
