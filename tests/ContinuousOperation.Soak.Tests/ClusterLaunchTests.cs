using ContinuousOperation.Cli.Cluster;
using ContinuousOperation.Cli.Database;
using ContinuousOperation.Cli.Parsing;
using ContinuousOperation.Cli.Reporting;
using ContinuousOperation.Domain.Cluster;
using ContinuousOperation.Domain.Criteria;
using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Run;
using static ContinuousOperation.Domain.Cluster.MembershipChange;

namespace ContinuousOperation.Soak.Tests;

/// <summary>
/// The cluster launcher with real node processes on free loopback ports: all members come Up, no node outlives its
/// launcher (however the launcher ends), and a node killed with SIGKILL is downed by the split brain resolver and
/// rejoins as a new incarnation when restarted. Membership needs the shared PostgreSQL journal only to be reachable.
/// </summary>
[Collection(ClusterRunCollection.Name)]
public sealed class ClusterLaunchTests
{
    private static readonly string CliAssembly = Path.Combine(AppContext.BaseDirectory, "continuous-operation.dll");

    /// <summary>Fast detection and downing for a test that kills a node: a 3 s heartbeat pause and 4 s of stability
    /// instead of cluster.hocon's 10 s and 15 s.</summary>
    private const string FastDowning = """
        akka.cluster.failure-detector.acceptable-heartbeat-pause = 3s
        akka.cluster.split-brain-resolver.stable-after = 4s
        """;

    [PostgresFact]
    public async Task Two_nodes_come_up_leave_gracefully_and_none_outlives_the_launcher()
    {
        var reports = Directory.CreateTempSubdirectory("cluster-").FullName;
        try
        {
            var result = await CliProcess.RunAsync(TimeSpan.FromSeconds(90),
                "cluster", "--nodes", "2", "--duration", "20s", "--speed", "5", "--symbol-count", "2", "--db-env", TestPostgres.Variable, "--report-dir", reports);

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("All 3 members are Up", result.StandardOutput);
            var pids = ClusterProcesses.NodePids(result.StandardOutput);
            Assert.Equal(2, pids.Count);
            Assert.DoesNotContain(pids, ClusterProcesses.IsRunning);

            var folder = Assert.Single(Directory.GetDirectories(reports));
            var membership = MembershipFile.Read(folder);
            Assert.Equal([ClusterLauncher.LauncherName, "node-1", "node-2"], membership.Members.Select(m => m.Name));
            Assert.True(membership.Membership.Went(ClusterLauncher.LauncherName, Up));
            foreach (var (name, pid) in new[] { "node-1", "node-2" }.Zip(pids))
            {
                Assert.True(membership.Membership.Went(name, Up, Removed), $"{name}: {string.Join(", ", membership.Membership)}");
                Assert.False(membership.Membership.Went(name, Unreachable), $"{name} left gracefully, yet: {string.Join(", ", membership.Membership)}");
                Assert.Equal(pid, membership.Members.Single(m => m.Name == name).Pid);
                Assert.True(File.Exists(Path.Combine(folder, "nodes", $"{name}.log")), $"{name} has no log");
                Assert.Equal([NodeActionKind.Started, NodeActionKind.Stopped], membership.NodeActions.Where(a => a.Node == name).Select(a => a.Kind));
            }
        }
        finally
        {
            Directory.Delete(reports, recursive: true);
        }
    }

    [PostgresFact]
    public async Task Nodes_leave_and_exit_on_their_own_when_their_launcher_is_killed()
    {
        var reports = Directory.CreateTempSubdirectory("cluster-").FullName;
        try
        {
            var result = await CliProcess.RunAndSignalAsync(TimeSpan.FromSeconds(90), "KILL", "members are Up",
                "cluster", "--nodes", "2", "--duration", "10m", "--db-env", TestPostgres.Variable, "--report-dir", reports);

            Assert.True(result.ExitCode == 137, result.ToString());
            var pids = ClusterProcesses.NodePids(result.StandardOutput);
            Assert.Equal(2, pids.Count);
            // A node looks for its launcher every second and then leaves, which with the launcher gone cannot
            // converge: it gives up after its leave bound (30 s) at most.
            await Eventually.TrueAsync("every node exiting after its launcher was killed", TimeSpan.FromSeconds(45),
                () => Task.FromResult(!pids.Any(ClusterProcesses.IsRunning)));
            foreach (var log in Directory.GetFiles(Path.Combine(Assert.Single(Directory.GetDirectories(reports)), "nodes")))
            {
                Assert.Contains("The launcher (pid", await File.ReadAllTextAsync(log));
            }
        }
        finally
        {
            Directory.Delete(reports, recursive: true);
        }
    }

    [PostgresFact]
    public async Task A_killed_node_is_downed_by_the_resolver_and_rejoins_as_a_new_incarnation_when_restarted()
    {
        var folder = Directory.CreateTempSubdirectory("cluster-kill-").FullName;
        try
        {
            await using var launcher = await StartWithFastDowningAsync(folder);
            var victim = launcher.Nodes.Nodes[0].Name;
            var survivor = launcher.Nodes.Nodes[1].Name;
            var firstPid = launcher.Nodes.ProcessId(victim);

            await launcher.Nodes.KillAsync(victim);
            await Eventually.TrueAsync($"{victim} unreachable, downed and removed", TimeSpan.FromSeconds(40),
                async () => (await launcher.HistoryAsync()).Membership.Went(victim, Up, Unreachable, Downed, Removed));
            launcher.Nodes.Restart(victim);
            // Rejoined: the cluster let the node's address in again after its removal, which it only does for a new
            // incarnation (a removed one stays quarantined).
            await Eventually.TrueAsync($"{victim} up again", TimeSpan.FromSeconds(40),
                async () => (await launcher.HistoryAsync()).Membership.Went(victim, Up, Unreachable, Downed, Removed, Rejoined, Up));

            var history = await launcher.HistoryAsync();
            Assert.True(history.Membership.UpNow().SetEquals(launcher.MemberNames), string.Join("\n", history.Membership));
            Assert.False(history.Membership.Went(survivor, Downed));
            Assert.NotEqual(firstPid, history.Nodes.Single(n => n.Name == victim).Pid);
            Assert.Equal([NodeActionKind.Started, NodeActionKind.Killed, NodeActionKind.Restarted],
                launcher.Nodes.Actions.Where(a => a.Node == victim).Select(a => a.Kind));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [PostgresFact]
    public async Task A_paused_node_is_downed_and_once_resumed_finds_itself_out_of_the_cluster_and_exits_with_3()
    {
        var folder = Directory.CreateTempSubdirectory("cluster-pause-").FullName;
        try
        {
            await using var launcher = await StartWithFastDowningAsync(folder);
            var victim = launcher.Nodes.Nodes[0];
            // The launcher sees a node Up a gossip round before the node itself may: paused in between, it could not
            // tell that it had been a member, and would say it never joined.
            await Eventually.TrueAsync($"{victim.Name} knows it is Up", TimeSpan.FromSeconds(30),
                () => Task.FromResult(ReadShared(victim.LogFile).Contains(" is Up (incarnation", StringComparison.Ordinal)));

            launcher.Nodes.Pause(victim.Name);
            await Eventually.TrueAsync($"{victim.Name} unreachable, downed and removed while paused", TimeSpan.FromSeconds(40),
                async () => (await launcher.HistoryAsync()).Membership.Went(victim.Name, Up, Unreachable, Downed, Removed));
            launcher.Nodes.Resume(victim.Name);
            await Eventually.TrueAsync($"{victim.Name} exiting once resumed", TimeSpan.FromSeconds(45),
                () => Task.FromResult(launcher.Nodes.Exited().Any(e => e.Node == victim)));

            Assert.Equal(3, launcher.Nodes.Exited().Single(e => e.Node == victim).ExitCode);
            Assert.Contains("was removed from the cluster", await File.ReadAllTextAsync(victim.LogFile));
            Assert.Equal([NodeActionKind.Started, NodeActionKind.Paused, NodeActionKind.Resumed],
                launcher.Nodes.Actions.Where(a => a.Node == victim.Name).Select(a => a.Kind));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [PostgresFact]
    public async Task A_node_kill_fault_strikes_the_node_it_names_and_brings_it_back_after_its_duration()
    {
        var folder = Directory.CreateTempSubdirectory("cluster-fault-").FullName;
        try
        {
            await using var launcher = await StartWithFastDowningAsync(folder);
            var kill = new ScheduledFault(1, TimeSpan.Zero, FaultKind.NodeKill, null, null, TimeSpan.FromSeconds(1), 1,
                TimeSpan.FromMinutes(1), Node: 2);

            var strike = await launcher.NodeFaults.StrikeAsync(kill, CancellationToken.None);

            Assert.Empty(strike.Hosted);
            // Started again after 1 s, while its dead incarnation may still be only unreachable: the cluster removes
            // that one to let the new one in.
            await Eventually.TrueAsync("node-2 back as a new incarnation", TimeSpan.FromSeconds(50),
                async () => (await launcher.HistoryAsync()).Membership.Went("node-2", Up, Removed, Rejoined, Up));
            var actions = launcher.Nodes.Actions;
            Assert.Equal([NodeActionKind.Started, NodeActionKind.Killed, NodeActionKind.Restarted], actions.Where(a => a.Node == "node-2").Select(a => a.Kind));
            Assert.Equal([NodeActionKind.Started], actions.Where(a => a.Node == "node-1").Select(a => a.Kind));
            Assert.True(actions.Single(a => a.Node == "node-2" && a.Kind == NodeActionKind.Killed).At >= strike.At);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A launcher and two nodes, all Up, with <see cref="FastDowning"/> for every member, hosting the shard
    /// regions of a run that nobody starts (no entity is started: no message comes for one).</summary>
    private static async Task<ClusterLauncher> StartWithFastDowningAsync(string folder)
    {
        var configFile = Path.Combine(folder, "fast-downing.hocon");
        await File.WriteAllTextAsync(configFile, FastDowning);
        var settings = new RunSettings(TimeSpan.FromMinutes(1), InstrumentCatalog.First(2), Seed: 1, new MarketSettings(), Speed: 1,
            TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), new CriteriaThresholds())
        {
            Run = RunId.New(DateTimeOffset.UtcNow, 1, new Random(1)),
        };
        var runFolder = new RunFolder(folder, "20261128_000000");
        RunFile.Write(runFolder, new RunFile(RunFile.CurrentVersion, settings.Run.Value, runFolder.Stamp, DateTimeOffset.UtcNow,
            StoredRunSettings.From(settings), new DatabaseReference(DatabaseReference.EnvironmentVariable, TestPostgres.Variable), null));
        var launch = new ClusterLaunch(settings, ClusterLayout.Plan(2, null, null, null), DatabaseTarget.Parse(TestPostgres.ConnectionString!),
            UserConfigFile.Read(configFile), configFile, folder, NodeExecutable.Dotnet(CliAssembly));
        var launcher = await ClusterLauncher.StartAsync(launch, CancellationToken.None);
        try
        {
            launcher.StartNodes();
            await launcher.AwaitAllUpAsync(TimeSpan.FromSeconds(60), CancellationToken.None);
            return launcher;
        }
        catch
        {
            await launcher.DisposeAsync();
            throw;
        }
    }

    /// <summary>A log file another process is still writing.</summary>
    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
