using System.Text.Json;
using System.Text.RegularExpressions;

namespace ContinuousOperation.Soak.Tests;

/// <summary>Tests that start clusters of node processes: one at a time, and not beside the other tests, so that a
/// stall of the shared 2 cores is not taken for a dead node.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterRunCollection
{
    public const string Name = "cluster runs";
}

/// <summary>Cluster runs end to end, as an operator starts them: three node processes on free loopback ports, one
/// shared PostgreSQL journal, node faults injected by the launcher or a kill from outside, one report.</summary>
[Collection(ClusterRunCollection.Name)]
public sealed partial class ClusterRunTests : IDisposable
{
    private static readonly TimeSpan TimeLimit = TimeSpan.FromMinutes(5);
    private readonly string reports = Directory.CreateTempSubdirectory("cluster-run-").FullName;

    public void Dispose() => Directory.Delete(reports, recursive: true);

    [PostgresFact]
    public async Task A_node_killed_by_its_fault_has_its_books_and_traders_resume_elsewhere_and_the_run_passes()
    {
        // The node stays down for 45 s: longer than it takes the resolver to down it (about 25 s), so its shards find a
        // home on the survivors. Back sooner, its new incarnation would have them: the coordinator gives a lost node's
        // shards to the region hosting the fewest, which is the restarted node's. The kill falls in the first 64 s.
        var result = await RunAsync(Faults("node-kill { rate-per-hour = 1, recovery-deadline = 90s, duration = 45s }"), "150s");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var report = Report();
        var root = report.RootElement;
        Assert.True(root.GetProperty("consistency_valid").GetBoolean());
        var kill = Assert.Single(root.GetProperty("faults").GetProperty("timeline").EnumerateArray());
        Assert.Equal("node-kill", kill.GetProperty("kind").GetString());
        Assert.Equal("recovered", kill.GetProperty("outcome").GetString());
        Assert.InRange(kill.GetProperty("seconds_to_recover").GetDouble(), 0.1, 90);
        var cluster = root.GetProperty("cluster");
        var node = kill.GetProperty("target").GetString()!.Replace(' ', '-');
        var changes = cluster.GetProperty("membership").EnumerateArray()
            .Where(m => m.GetProperty("node").GetString() == node).Select(m => m.GetProperty("change").GetString()).ToArray();
        Assert.Contains("rejoined", changes);
        Assert.NotEmpty(cluster.GetProperty("handoffs").EnumerateArray());
        Assert.Equal(4, cluster.GetProperty("nodes").GetArrayLength());
    }

    [PostgresFact]
    public async Task A_killed_node_never_started_again_with_a_deadline_too_short_for_its_shards_to_move_fails_the_run_naming_the_fault()
    {
        var result = await RunAsync(Faults("node-kill { rate-per-hour = 1, recovery-deadline = 1s, duration = 30m }"), "1m");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var report = Report();
        var root = report.RootElement;
        Assert.False(root.GetProperty("success").GetBoolean());
        Assert.True(root.GetProperty("consistency_valid").GetBoolean());
        Assert.Equal("missed", Assert.Single(root.GetProperty("faults").GetProperty("timeline").EnumerateArray()).GetProperty("outcome").GetString());
        Assert.Contains(root.GetProperty("error_analysis").EnumerateArray(), e =>
            e.GetProperty("severity").GetString() == "error"
            && e.GetProperty("last_message").GetString() == "fault #1 node-kill not recovered within its deadline");
    }

    [PostgresFact]
    public async Task A_node_killed_from_outside_at_a_moment_the_run_did_not_plan_still_ends_with_reconciliation_valid()
    {
        // A seeded moment well inside the trading: 15 to 45 s after the run started.
        var delay = TimeSpan.FromSeconds(15 + new Random(9).Next(0, 30));
        int? victim = null;
        Task? kill = null;
        var result = await CliProcess.RunAsync(new CliStart(TimeLimit,
            ["cluster", "--nodes", "3", "--duration", "90s", "--symbol-count", "6", "--speed", "5", "--faults", "none",
                "--db-env", TestPostgres.Variable, "--report-dir", reports])
        {
            OnOutputLine = line =>
            {
                if (NodeTwoStarted().Match(line) is { Success: true } started) victim ??= int.Parse(started.Groups["pid"].Value);
                if (line.Contains("Run started") && victim is { } pid) kill ??= KillAfterAsync(pid, delay);
            },
        });
        Assert.NotNull(kill);
        await kill;

        Assert.True(result.ExitCode is 0 or 1, result.ToString());
        using var report = Report();
        var root = report.RootElement;
        Assert.True(root.GetProperty("consistency_valid").GetBoolean(), result.StandardOutput);
        var changes = root.GetProperty("cluster").GetProperty("membership").EnumerateArray()
            .Where(m => m.GetProperty("node").GetString() == "node-2").Select(m => m.GetProperty("change").GetString()).ToArray();
        Assert.Contains("downed", changes);
    }

    private static async Task KillAfterAsync(int pid, TimeSpan delay)
    {
        await Task.Delay(delay);
        using var kill = System.Diagnostics.Process.Start("kill", ["-KILL", pid.ToString()])!;
        await kill.WaitForExitAsync();
    }

    private string Faults(string rule)
    {
        var file = Path.Combine(reports, "faults.hocon");
        File.WriteAllText(file, $"faults {{\n  {rule}\n}}\n");
        return file;
    }

    private Task<CliResult> RunAsync(string faultsFile, string duration = "2m") =>
        CliProcess.RunAsync(TimeLimit,
            "cluster", "--nodes", "3", "--duration", duration, "--symbol-count", "6", "--speed", "5", "--faults", faultsFile,
            "--db-env", TestPostgres.Variable, "--report-dir", reports);

    private JsonDocument Report()
    {
        var folder = Assert.Single(Directory.GetDirectories(reports));
        return JsonDocument.Parse(File.ReadAllBytes(Assert.Single(Directory.GetFiles(folder, "continuous_operation_*.json"))));
    }

    [GeneratedRegex(@"node-2 started: pid (?<pid>\d+)")]
    private static partial Regex NodeTwoStarted();
}
