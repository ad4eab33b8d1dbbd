namespace ContinuousOperation.Soak.Tests;

/// <summary><c>compare</c> between reports of runs set up differently: two small reports written by the test, the
/// second at another speed and with another fault profile.</summary>
public sealed class CompareMismatchTests : IDisposable
{
    private static readonly TimeSpan TimeLimit = TimeSpan.FromMinutes(1);
    private readonly string _folder = Directory.CreateTempSubdirectory("compare-mismatch-").FullName;

    private string Report(string name, double speed, string faults)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, $$"""
            { "test_type": "continuous_operation", "duration_hours": 0.5, "consistency_valid": true,
              "metrics": { "uptime_hours": 0.5, "total_errors": 0, "error_rate_per_hour": 0, "average_memory_mb": 150,
                           "peak_memory_mb": 180, "average_cpu_percent": 12, "positions_opened": 10, "positions_closed": 9,
                           "orders_placed": 100, "orders_filled": 90, "orders_cancelled": 0, "websocket_reconnects": 0,
                           "database_errors": 0, "api_errors": 0 },
              "success": true,
              "configuration": { "seed": 1, "symbols": ["BTC-USDT"], "market": "mixed", "daily_volatility": 0.02,
                                 "speed": {{speed}}, "fault_profile": "{{faults}}" } }
            """);
        return path;
    }

    [Fact]
    public async Task A_gate_between_runs_of_different_setup_is_refused_in_one_line_unless_allowed()
    {
        var (baseline, faster) = (Report("baseline.json", 1, "light"), Report("faster.json", 60, "heavy"));

        var refused = await CliProcess.RunAsync(TimeLimit, "compare", baseline, faster, "--fail-on-regression", "10");
        var allowed = await CliProcess.RunAsync(TimeLimit, "compare", baseline, faster, "--fail-on-regression", "10", "--allow-mismatch");
        var ungated = await CliProcess.RunAsync(TimeLimit, "compare", baseline, faster);

        Assert.True(refused.ExitCode == 2, refused.ToString());
        var line = Assert.Single(refused.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("speed 1x vs 60x, fault profile light vs heavy", line);
        Assert.Contains("--allow-mismatch", line);
        Assert.Empty(refused.StandardOutput);

        Assert.True(allowed.ExitCode == 0, allowed.ToString());
        Assert.Contains("WARNING: the runs differ in setup", allowed.StandardOutput);
        Assert.Contains("#2 speed 1x vs 60x, fault profile light vs heavy", allowed.StandardOutput);
        Assert.Contains("Gated although the runs differ in setup (--allow-mismatch).", allowed.StandardOutput);

        Assert.True(ungated.ExitCode == 0, ungated.ToString());
        Assert.Contains("WARNING: the runs differ in setup", ungated.StandardOutput);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
