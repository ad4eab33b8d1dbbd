using System.Text.Json;

namespace ContinuousOperation.Soak.Tests;

public sealed class OrderLatencyLimitTests
{
    [Fact]
    public async Task An_impossible_order_latency_limit_fails_the_run_and_the_console_names_it()
    {
        var reports = Directory.CreateTempSubdirectory("latency-limit-").FullName;
        try
        {
            var result = await CliProcess.RunAsync(TimeSpan.FromMinutes(3),
                "run", "--duration", "10s", "--symbol-count", "1", "--sample-interval", "2s", "--progress-interval", "5s",
                "--max-order-latency-p99", "0.001ms", "--report-dir", reports);

            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Matches(@"\n  FAIL +order_latency_p99 +observed +[\d.]+ ms +limit 0\.001  p99: ", result.StandardOutput);
            using var report = JsonDocument.Parse(File.ReadAllBytes(
                Assert.Single(Directory.GetFiles(reports, "continuous_operation_*.json", SearchOption.AllDirectories))));
            var criterion = report.RootElement.GetProperty("criteria").EnumerateArray()
                .Single(c => c.GetProperty("name").GetString() == "order_latency_p99");
            Assert.Equal("fail", criterion.GetProperty("result").GetString());
            Assert.Equal(0.001, criterion.GetProperty("threshold").GetDouble());
            // Only the latency limit was impossible: every other criterion was judged a pass or not judged.
            Assert.All(report.RootElement.GetProperty("criteria").EnumerateArray().Where(c => c.GetProperty("name").GetString() != "order_latency_p99"),
                c => Assert.NotEqual("fail", c.GetProperty("result").GetString()));
        }
        finally
        {
            Directory.Delete(reports, recursive: true);
        }
    }
}
