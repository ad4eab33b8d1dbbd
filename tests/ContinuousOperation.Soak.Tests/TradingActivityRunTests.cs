using System.Text.Json;

namespace ContinuousOperation.Soak.Tests;

/// <summary>The CLI as a process whose trader cannot trade for a while: a database outage (a fault profile file, the
/// way a user would plan one) holds the journal's write lock for 12 s, so no order can be persisted and none placed.
/// With the silence limit below that, the run must fail on <c>trading_active</c> and say which symbol was silent.</summary>
public sealed class TradingActivityRunTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("trading-activity-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task A_run_whose_trader_could_not_trade_for_longer_than_the_limit_fails_on_trading_active()
    {
        // One outage (the schedule places at least one) between 5 % and 80 % of the run, so it starts by 16 s.
        var profile = Path.Combine(folder, "long-outage.hocon");
        await File.WriteAllTextAsync(profile,
            "faults { database-outage { rate-per-hour = 1, recovery-deadline = 45s, duration = 12s } }");
        var reports = Path.Combine(folder, "reports");

        var result = await CliProcess.RunAsync(TimeSpan.FromMinutes(3),
            "run", "--duration", "20s", "--symbol-count", "1", "--seed", "7", "--faults", profile,
            "--sample-interval", "2s", "--progress-interval", "10s", "--max-symbol-silence", "6s", "--report-dir", reports);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Matches(@"\n  FAIL +trading_active ", result.StandardOutput);
        using var report = JsonDocument.Parse(File.ReadAllBytes(
            Assert.Single(Directory.GetFiles(reports, "continuous_operation_*.json", SearchOption.AllDirectories))));
        var criterion = report.RootElement.GetProperty("criteria").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == "trading_active");
        Assert.Equal("fail", criterion.GetProperty("result").GetString());
        Assert.Equal(1, criterion.GetProperty("observed").GetDouble());
        Assert.StartsWith("BTC-USDT: silent for ", criterion.GetProperty("note").GetString());
        Assert.Equal("00:00:06", report.RootElement.GetProperty("configuration").GetProperty("criteria")
            .GetProperty("max_symbol_silence").GetString());
    }
}
