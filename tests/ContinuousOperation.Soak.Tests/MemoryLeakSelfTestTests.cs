using System.Text.Json;

namespace ContinuousOperation.Soak.Tests;

/// <summary>The memory criterion proves itself: the same short run fails with the leak self-test and does not fail
/// without it (a 45 s run is too short to earn a pass: it is inconclusive). Both runs go at once, so the pair costs
/// the wall time of one.</summary>
public sealed class MemoryLeakSelfTestTests
{
    private static readonly TimeSpan TimeLimit = TimeSpan.FromMinutes(3);

    /// <summary>45 s with a 10 s memory warm-up and a sample every 2 s: 18 samples after warm-up (10 are needed).
    /// 120 MB/min leaks about 70 MB in the judged window, twice the minimum growth the criterion acts on.</summary>
    private static readonly string[] ShortRun =
    [
        "run", "--duration", "45s", "--symbol-count", "1", "--speed", "5", "--sample-interval", "2s",
        "--progress-interval", "15s", "--memory-warm-up", "10s", "--seed", "4242",
    ];

    [Fact]
    public async Task A_run_with_the_leak_self_test_fails_on_memory_and_the_same_run_without_it_does_not()
    {
        var leakyFolder = Directory.CreateTempSubdirectory("leak-run-").FullName;
        var healthyFolder = Directory.CreateTempSubdirectory("no-leak-run-").FullName;
        try
        {
            var leaky = CliProcess.RunAsync(TimeLimit, [.. ShortRun, "--self-test-leak", "120", "--report-dir", leakyFolder]);
            var healthy = CliProcess.RunAsync(TimeLimit, [.. ShortRun, "--report-dir", healthyFolder]);

            var leakyResult = await leaky;
            Assert.True(leakyResult.ExitCode == 1, leakyResult.ToString());
            using (var report = Report(leakyFolder))
            {
                Assert.Equal(["memory_stable"], FailedCriteria(report));
                var trend = report.RootElement.GetProperty("memory_trend");
                Assert.Equal("growing", trend.GetProperty("verdict").GetString());
                Assert.True(trend.GetProperty("working_set").GetProperty("slope_mb_per_hour").GetDouble() > 1_000, trend.ToString());
            }

            var healthyResult = await healthy;
            Assert.True(healthyResult.ExitCode == 0, healthyResult.ToString());
            using (var report = Report(healthyFolder))
            {
                // 35 s of steady state: growth at 50 MB/h would add half a megabyte, so memory is not judged either way.
                Assert.Equal("too_short_to_tell", report.RootElement.GetProperty("memory_trend").GetProperty("verdict").GetString());
                Assert.Empty(FailedCriteria(report));
            }
        }
        finally
        {
            Directory.Delete(leakyFolder, recursive: true);
            Directory.Delete(healthyFolder, recursive: true);
        }
    }

    private static JsonDocument Report(string reportDirectory) =>
        JsonDocument.Parse(File.ReadAllBytes(Assert.Single(Directory.GetFiles(
            Assert.Single(Directory.GetDirectories(reportDirectory)), "continuous_operation_*.json"))));

    private static string[] FailedCriteria(JsonDocument report) =>
        report.RootElement.GetProperty("criteria").EnumerateArray()
            .Where(c => c.GetProperty("result").GetString() == "fail")
            .Select(c => c.GetProperty("name").GetString()!)
            .ToArray();
}
