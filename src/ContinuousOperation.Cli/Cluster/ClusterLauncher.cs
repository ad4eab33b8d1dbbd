using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Configuration;
using ContinuousOperation.Actors.Cluster;
using ContinuousOperation.Actors.Faults;
using ContinuousOperation.Cli.Database;
using ContinuousOperation.Cli.Hosting;
using ContinuousOperation.Domain.Cluster;
using ContinuousOperation.Domain.Run;
using Serilog;

namespace ContinuousOperation.Cli.Cluster;

/// <summary>What the launcher needs to start a cluster: the run, the layout, the shared database, the extra HOCON (and
/// its file, which the nodes read too), the run folder (the nodes read the run from its run.json and log under its
/// <c>nodes/</c>), and how to start a node process.</summary>
internal sealed record ClusterLaunch(
    RunSettings Run, ClusterLayout Layout, DatabaseTarget Database, Config? UserConfig, string? ConfigFile, string RunFolder,
    NodeExecutable Executable)
{
    public string NodesFolder => Path.Combine(RunFolder, "nodes");

    public TimeProvider Clock { get; init; } = TimeProvider.System;
}

/// <summary>
/// The launcher's side of a cluster: its own actor system, a member with role <see cref="ClusterRunTree.ControlRole"/> and
/// the first seed node; the run's <see cref="ClusterObserver"/>, which names the members (<c>control</c>,
/// <c>node-K</c>) and keeps their membership changes; and the N <c>node</c> processes. Disposing it stops the nodes
/// (each leaves the cluster) and then the launcher's own member.
/// </summary>
internal sealed class ClusterLauncher : IAsyncDisposable
{
    /// <summary>The nodes read the database from this variable of their environment (<c>--db-env</c>), so that its
    /// password is not in their command line, which every user of the machine can read.</summary>
    public const string DatabaseVariable = "CONTINUOUS_OPERATION_CLUSTER_DB";

    /// <summary>The launcher's member's name in the membership history and the report.</summary>
    public const string LauncherName = ClusterRunTree.ControlRole;

    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(40);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan RemovalWait = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RegionQueryTimeout = TimeSpan.FromSeconds(5);

    private readonly ActorHost _host;
    private readonly TimeProvider _clock;
    private bool _nodesStopped;
    private bool _disposed;

    private ClusterLauncher(ActorHost host, IActorRef observer, NodeProcesses nodes, ClusterLayout layout, TimeProvider clock)
    {
        _host = host;
        _clock = clock;
        Observer = observer;
        Nodes = nodes;
        Layout = layout;
    }

    public ActorSystem System => _host.System;

    public NodeProcesses Nodes { get; }

    public ClusterLayout Layout { get; }

    /// <summary>The run's <see cref="ClusterObserver"/>: membership history, and what each node hosts.</summary>
    public IActorRef Observer { get; }

    /// <summary>The node faults, for the run's fault injector, struck on these node processes.</summary>
    public INodeFaults NodeFaults => new LauncherNodeFaults(Nodes, Observer, _clock);

    /// <summary>Starts the launcher's member; the node processes start with <see cref="StartNodes"/>.</summary>
    public static async Task<ClusterLauncher> StartAsync(ClusterLaunch launch, CancellationToken cancellationToken)
    {
        var layout = launch.Layout;
        var host = await ActorHost.StartAsync(launch.Database, launch.UserConfig, cancellationToken, layout.Launcher(launch.Run));
        var launches = layout.NodePorts.Select((port, index) => NodeLaunchFor(launch, index + 1, port)).ToArray();
        var names = launches.ToDictionary(n => n.Address, n => n.Name);
        names[layout.LauncherAddress] = LauncherName;
        var observer = host.System.ActorOf(ClusterObserver.Props(names), "cluster-observer");
        observer.Tell(new ClusterNode(LauncherName, layout.LauncherAddress, ClusterRunTree.ControlRole, Environment.ProcessId));
        Log.Information("Launcher member {Address} (role {Role}) is the seed node", layout.LauncherAddress, ClusterRunTree.ControlRole);
        Directory.CreateDirectory(launch.NodesFolder);
        var nodes = new NodeProcesses(launches, launch.Executable,
            new Dictionary<string, string> { [DatabaseVariable] = launch.Database.ConnectionString }, launch.Clock)
        {
            Started = (node, pid) => observer.Tell(new ClusterNode(node.Name, node.Address, ClusterRunTree.TradingRole, pid)),
        };
        return new ClusterLauncher(host, observer, nodes, layout, launch.Clock);
    }

    /// <summary>Starts the node processes, which join the launcher's member. The run's run.json must exist: each node
    /// reads the run it hosts from it.</summary>
    public void StartNodes() => Nodes.StartAll();

    /// <summary>Every member's name by its address.</summary>
    public IReadOnlyDictionary<string, string> Names =>
        Nodes.Nodes.Select(n => (n.Address, n.Name)).Append((Layout.LauncherAddress, LauncherName)).ToDictionary();

    /// <summary>Every member's name: the launcher's first, then the nodes'.</summary>
    public IReadOnlyList<string> MemberNames => [LauncherName, .. Nodes.Nodes.Select(n => n.Name)];

    /// <summary>The cluster's history so far, as the observer keeps it.</summary>
    public Task<ClusterHistory> HistoryAsync() =>
        Observer.Ask<ClusterHistory>(GetClusterHistory.Instance, TimeSpan.FromSeconds(10));

    /// <summary>Returns once every member is Up.</summary>
    /// <exception cref="InfrastructureException">A node process ended first, or <paramref name="timeout"/> passed;
    /// the message names the nodes and their logs.</exception>
    public async Task AwaitAllUpAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var until = DateTimeOffset.UtcNow + timeout;
        using var timer = new PeriodicTimer(PollInterval);
        while (true)
        {
            var up = (await HistoryAsync()).Membership.UpNow();
            if (MemberNames.All(up.Contains)) return;
            if (Nodes.Exited() is [var (node, exitCode), ..])
                throw new InfrastructureException($"{node.Name} ({node.Address}) exited with {exitCode} before the cluster was up (its log: {node.LogFile})");
            if (DateTimeOffset.UtcNow > until)
            {
                var missing = Nodes.Nodes.Where(n => !up.Contains(n.Name)).Select(n => $"{n.Name} ({n.Address}, log {n.LogFile})");
                if (!up.Contains(LauncherName)) missing = missing.Prepend($"the launcher ({Layout.LauncherAddress})");
                throw new InfrastructureException($"the cluster did not come up within {timeout}: never Up: {string.Join("; ", missing)}");
            }

            await timer.WaitForNextTickAsync(cancellationToken);
        }
    }

    /// <summary>Returns once the coordinator of every entity type (one shard region proxy each) knows a shard region on
    /// every node the launcher started. Shards are allocated as the first message for them comes, to the region that
    /// hosts the fewest: a run that starts before every node's region has registered puts its first shards on the
    /// quickest nodes, and rebalancing corrects that only later, a few shards at a time.</summary>
    /// <exception cref="InfrastructureException"><paramref name="timeout"/> passed first; the message says how many
    /// regions each coordinator knew.</exception>
    public async Task AwaitShardRegionsAsync(IReadOnlyList<IActorRef> proxies, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var until = DateTimeOffset.UtcNow + timeout;
        using var timer = new PeriodicTimer(PollInterval);
        while (true)
        {
            var known = await Task.WhenAll(proxies.Select(KnownRegionsAsync));
            if (known.All(regions => regions >= Nodes.Nodes.Count)) return;
            if (DateTimeOffset.UtcNow > until)
                throw new InfrastructureException($"the shard coordinators did not learn every node's shard region within {timeout}: "
                    + $"they knew {string.Join(" and ", known)} of {Nodes.Nodes.Count}");

            await timer.WaitForNextTickAsync(cancellationToken);
        }
    }

    /// <summary>How many regions the coordinator behind <paramref name="proxy"/> knows; none while the proxy has no
    /// coordinator yet (it answers with an empty set) or the coordinator does not answer in time.</summary>
    private static async Task<int> KnownRegionsAsync(IActorRef proxy)
    {
        try
        {
            return (await proxy.Ask<CurrentRegions>(GetCurrentRegions.Instance, RegionQueryTimeout)).Regions.Count;
        }
        catch (AskTimeoutException)
        {
            return 0;
        }
    }

    /// <summary>Stops the nodes gracefully: each leaves while the launcher is still a member to see it. A node's
    /// process ends a moment before the leader removes it, so the removals are waited for (briefly), to make the
    /// timeline end where the cluster did.</summary>
    public async Task StopNodesAsync()
    {
        if (_nodesStopped) return;
        _nodesStopped = true;
        await Nodes.StopAllAsync(StopGrace);
        var nodes = Nodes.Nodes.Select(n => n.Name).ToHashSet();
        var until = DateTimeOffset.UtcNow + RemovalWait;
        using var timer = new PeriodicTimer(PollInterval);
        try
        {
            while ((await HistoryAsync()).Membership.NotRemoved().Overlaps(nodes) && DateTimeOffset.UtcNow < until)
            {
                await timer.WaitForNextTickAsync();
            }
        }
        catch (AskTimeoutException)
        {
            // The launcher's own actor system is gone: there is nothing more to see.
        }
    }

    /// <summary>Stops the nodes, then the launcher's member. Safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        try
        {
            await StopNodesAsync();
            await Nodes.DisposeAsync();
        }
        finally
        {
            await _host.DisposeAsync();
        }
    }

    private static NodeLaunch NodeLaunchFor(ClusterLaunch launch, int number, int port)
    {
        var layout = launch.Layout;
        var name = $"node-{number}";
        var logFile = Path.Combine(Path.GetFullPath(launch.NodesFolder), $"{name}.log");
        List<string> arguments =
        [
            "node",
            "--seed-nodes", string.Join(',', layout.SeedNodes),
            "--hostname", layout.Hostname,
            "--port", port.ToString(),
            "--roles", ClusterRunTree.TradingRole,
            "--db-env", DatabaseVariable,
            "--log-file", logFile,
            "--launcher-pid", Environment.ProcessId.ToString(),
            "--run-folder", Path.GetFullPath(launch.RunFolder),
        ];
        if (layout.PublicHostname is { } publicHostname) arguments.AddRange(["--public-hostname", publicHostname]);
        if (launch.ConfigFile is { } configFile) arguments.AddRange(["--config", Path.GetFullPath(configFile)]);
        return new NodeLaunch(name, ClusterAddress.Of(layout.AdvertisedHost, port), logFile, arguments);
    }
}
