using System.Text.Json;

namespace ContinuousOperation.Soak.Tests;

/// <summary>The CLI as a process under the heavy fault profile: every kind of fault is injected and recovered, the
/// journals reconcile, the same seed gives the same schedule, and the console shows each injected crash as one line
/// (its stack trace only in run.log). Both runs go at once to keep the suite short.</summary>
public sealed class HeavyFaultsRunTests : IDisposable
{
    private const string Seed = "20261125";
    private readonly string directory = Directory.CreateTempSubdirectory("heavy-faults-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private async Task<(JsonDocument Report, CliResult Result, string RunLog)> RunAsync(string name)
    {
        var reports = Path.Combine(directory, name);
        var result = await CliProcess.RunAsync(TimeSpan.FromMinutes(4),
            "run", "--duration", "60s", "--faults", "heavy", "--seed", Seed, "--symbol-count", "3",
            "--sample-interval", "5s", "--progress-interval", "20s", "--report-dir", reports);
        Assert.True(result.ExitCode == 0, result.ToString());
        var report = JsonDocument.Parse(File.ReadAllBytes(
            Assert.Single(Directory.GetFiles(reports, "continuous_operation_*.json", SearchOption.AllDirectories))));
        var runLog = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(reports, "run.log", SearchOption.AllDirectories)));
        return (report, result, runLog);
    }

    private static string[] Schedule(JsonDocument report) =>
        report.RootElement.GetProperty("faults").GetProperty("timeline").EnumerateArray()
            .Select(f => $"{f.GetProperty("simulated_at_seconds").GetDouble():F6} {f.GetProperty("kind").GetString()} {f.GetProperty("target").GetString()}")
            .ToArray();

    [Fact]
    public async Task A_heavy_fault_run_recovers_from_every_kind_and_the_same_seed_gives_the_same_schedule()
    {
        var runs = await Task.WhenAll(RunAsync("first"), RunAsync("second"));
        using var first = runs[0].Report;
        using var second = runs[1].Report;

        var root = first.RootElement;
        Assert.True(root.GetProperty("consistency_valid").GetBoolean());
        Assert.True(root.GetProperty("success").GetBoolean());
        var metrics = root.GetProperty("metrics");
        foreach (var counter in new[] { "websocket_reconnects", "api_errors", "database_errors" })
            Assert.True(metrics.GetProperty(counter).GetInt64() > 0, $"{counter} is zero");
        Assert.Equal(0, metrics.GetProperty("total_errors").GetInt64());

        var totals = root.GetProperty("faults").GetProperty("totals").EnumerateArray().ToArray();
        Assert.Equal(
            ["trader-crash", "order-book-crash", "exchange-crash", "stream-disconnect", "stream-drop", "stream-duplicate",
             "stream-reorder", "stream-silence", "request-timeout", "request-error", "database-outage"],
            totals.Select(t => t.GetProperty("kind").GetString()));
        Assert.All(totals, t =>
        {
            Assert.True(t.GetProperty("injected").GetInt32() >= 1, t.ToString());
            Assert.Equal(t.GetProperty("injected").GetInt32(), t.GetProperty("recovered").GetInt32());
            Assert.Equal(0, t.GetProperty("not_recovered").GetInt32());
        });

        Assert.Equal(Schedule(first), Schedule(second));

        // The console: one warning per injected crash, no stack trace, no error line (nothing unexpected happened);
        // run.log holds the stack traces.
        var (_, result, runLog) = runs[0];
        var console = (result.StandardOutput + result.StandardError).Split('\n');
        Assert.DoesNotContain(console, ConsoleEnding.IsStackTraceLine);
        Assert.DoesNotContain(console, line => line.Contains(" ERR] ", StringComparison.Ordinal));
        Assert.Contains(console, line => line.Contains(" WRN] injected crash (fault #", StringComparison.Ordinal));
        Assert.DoesNotContain(console, line => line.Contains("was not delivered", StringComparison.Ordinal));
        Assert.Contains(runLog.Split('\n'), ConsoleEnding.IsStackTraceLine);
        Assert.Contains("InjectedFaultException", runLog);
        ConsoleEnding.AssertEndsWithVerdict(result, "PASSED");
    }
}
