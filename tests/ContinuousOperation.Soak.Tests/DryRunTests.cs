using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Soak.Tests;

/// <summary><c>run --dry-run</c> and <c>cluster --dry-run</c>: every option is checked, the plan is printed, and nothing
/// is made — no run folder, no report folder, no database contact.</summary>
public sealed class DryRunTests : IDisposable
{
    private static readonly TimeSpan TimeLimit = TimeSpan.FromMinutes(1);
    private readonly string _folder = Directory.CreateTempSubdirectory("dry-run-").FullName;

    private string Reports => Path.Combine(_folder, "reports");

    [Fact]
    public async Task A_dry_run_prints_the_plan_of_the_run_and_makes_nothing()
    {
        var result = await CliProcess.RunAsync(TimeLimit,
            "run", "--dry-run", "--duration", "24h", "--symbol-count", "5", "--speed", "2", "--faults", "light", "--seed", "42",
            "--report-dir", Reports);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Run of 24h at speed 2x: 48h of simulated market time per symbol", result.StandardOutput);
        Assert.Contains("Symbols (5): BTC-USDT, ETH-USDT, SOL-USDT, BNB-USDT, XRP-USDT", result.StandardOutput);
        // The schedule the real run would inject: the same planner, seed, simulated length and symbols.
        var planned = FaultSchedule.Plan(FaultProfile.Light, 42, TimeSpan.FromHours(48), InstrumentCatalog.First(5).Select(i => i.Symbol).ToArray());
        Assert.Contains(FormattableString.Invariant($"Faults: light, {planned.Count:N0} planned"), result.StandardOutput);
        Assert.Contains($"#1    simulated {Clock(planned[0].At)}", result.StandardOutput);
        Assert.Contains(FormattableString.Invariant($"… and {planned.Count - 20:N0} more"), result.StandardOutput);
        Assert.Matches(@"Estimated \(.*\): [\d,]+ orders, [\d,]+ fills, [\d,]+ journal events, [\d.]+ [MG]B of journal", result.StandardOutput);
        Assert.False(Directory.Exists(Reports), "a dry run created the report folder");
    }

    [Fact]
    public async Task A_dry_run_does_not_contact_the_database()
    {
        // Port 1 on the loopback answers nothing: a real run exits 3 here after its connection check.
        var result = await CliProcess.RunAsync(TimeLimit,
            "run", "--dry-run", "--duration", "1h", "--db", "Host=127.0.0.1;Port=1;Database=soak;Username=soak", "--report-dir", Reports);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Database: postgresql 127.0.0.1:1/soak (checked when the run starts)", result.StandardOutput);
        Assert.Contains("Faults: none, none planned", result.StandardOutput);
    }

    [Fact]
    public async Task A_cluster_dry_run_prints_its_members_and_the_node_faults_it_would_inject()
    {
        var result = await CliProcess.RunAsync(TimeLimit,
            "cluster", "--dry-run", "--nodes", "2", "--base-port", "25500", "--duration", "10m", "--speed", "6", "--faults", "light",
            "--db", "Host=127.0.0.1;Port=1;Database=soak;Username=soak", "--report-dir", Reports);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Cluster: launcher on 127.0.0.1:25500, 2 node(s) on ports 25501, 25502", result.StandardOutput);
        Assert.Contains("cluster.hocon", result.StandardOutput);
        Assert.Contains("node-kill", result.StandardOutput);
        Assert.DoesNotContain("exchange-crash", result.StandardOutput);
        Assert.False(Directory.Exists(Reports), "a dry run created the report folder");
    }

    public static TheoryData<string[], string> Mistakes => new()
    {
        { ["run", "--dry-run", "--speed", "0"], "--speed" },
        { ["run", "--dry-run", "--config", "missing.hocon"], "missing.hocon" },
        { ["run", "--dry-run", "--faults", "nightly"], "--faults" },
        { ["run", "--dry-run", "--resume", "reports/run_x"], "--dry-run" },
        { ["cluster", "--dry-run", "--nodes", "2"], "PostgreSQL" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task A_dry_run_with_a_mistake_exits_2_naming_it_and_makes_nothing(string[] arguments, string named)
    {
        var result = await CliProcess.RunAsync(new CliStart(TimeLimit, [.. arguments, "--report-dir", Reports]) { WorkingDirectory = _folder });

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(named, result.StandardError);
        Assert.Single(result.StandardError.Trim().Split('\n'));
        Assert.DoesNotContain("Dry run", result.StandardOutput);
        Assert.False(Directory.Exists(Reports), "a rejected dry run created the report folder");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Clock(TimeSpan time) => $"{(int)time.TotalHours}h{time.Minutes:00}m{time.Seconds:00}s";
}
