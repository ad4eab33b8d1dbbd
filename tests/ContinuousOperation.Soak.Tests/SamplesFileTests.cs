using System.Text.Json;
using ContinuousOperation.Actors.Monitoring;
using ContinuousOperation.Domain.Monitoring;

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

    [Fact]
    public void A_resumed_run_reads_every_whole_sample_back_and_appends_after_the_line_a_kill_cut_short()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("samples-").FullName, "samples.ndjson");
        var at = new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
        ResourceSample Sample(int second) => new(at.AddSeconds(second), TimeSpan.FromSeconds(second), 100 + second, 50, 0, 0, 0, 10, 20, 30);
        try
        {
            using (var first = new SamplesFile(file)) first.Append(Sample(1));
            File.AppendAllText(file, "{\"at\":\"2026-11-27T12:00:02Z\",\"elapsed_sec");

            using (var resumed = new SamplesFile(file)) resumed.Append(Sample(3));

            Assert.Equal([101.0, 103.0], SamplesFile.Read(file).Select(s => s.WorkingSetMb));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }
}
