using System.Text.Json;

namespace ContinuousOperation.Soak.Tests;

/// <summary><c>samples.ndjson</c> grows line by line while the run lasts, so even a run killed outright leaves its series.</summary>
public sealed class SamplesFileTests
{
    [Fact]
    public async Task A_killed_run_leaves_every_sample_it_took()
    {
        var reportDirectory = Directory.CreateTempSubdirectory("killed-run-").FullName;
        try
        {
            // SIGKILL cannot be handled: no drain, no report, nothing written after this instant.
            var result = await CliProcess.RunAndSignalAsync(TimeSpan.FromMinutes(2), "KILL", "Resources at 0h00m1",
                "run", "--duration", "1h", "--symbol-count", "1", "--sample-interval", "1s", "--progress-interval", "1m",
                "--report-dir", reportDirectory);

            var folder = Assert.Single(Directory.GetDirectories(reportDirectory));
            Assert.Empty(Directory.GetFiles(folder, "continuous_operation_*.json"));
            var samples = File.ReadAllLines(Path.Combine(folder, "samples.ndjson"))
                .Select(line => JsonDocument.Parse(line).RootElement)
                .ToArray();
            Assert.True(samples.Length >= 9, result.ToString());
            Assert.Equal(samples.Select(s => s.GetProperty("elapsed_seconds").GetDouble()).Order(),
                samples.Select(s => s.GetProperty("elapsed_seconds").GetDouble()));
            Assert.All(samples, s =>
            {
                Assert.True(s.GetProperty("working_set_mb").GetDouble() > 0);
                Assert.True(s.GetProperty("thread_pool_threads").GetInt32() > 0);
                Assert.True(s.GetProperty("gc_pause_ms").GetDouble() >= 0);
                Assert.True(s.TryGetProperty("activity", out _));
            });
        }
        finally
        {
            Directory.Delete(reportDirectory, recursive: true);
        }
    }
}
