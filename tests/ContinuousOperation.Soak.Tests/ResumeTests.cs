using System.Text.Json;
using System.Text.RegularExpressions;

namespace ContinuousOperation.Soak.Tests;

/// <summary>
/// <c>run --resume RUN_FOLDER</c>: a run killed with SIGKILL continues on its own journal and ends with one report of
/// the whole run, the gap shown as downtime; everything that cannot be resumed is refused with one line.
/// </summary>
public sealed class ResumeTests : IDisposable
{
    private static readonly TimeSpan TimeLimit = TimeSpan.FromMinutes(3);
    private readonly string _directory = Directory.CreateTempSubdirectory("resume-").FullName;

    private string Reports => Path.Combine(_directory, "reports");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_run_killed_with_sigkill_and_resumed_ends_valid_with_a_report_covering_both_parts()
    {
        // The memory trend is judged on the last segment, here seconds long and mostly recovery: not what this is about.
        var killed = await KillMidRunAsync("40s", "--speed", "60", "--faults", "light", "--seed", "8", "--memory-warm-up", "35s");
        var folder = Assert.Single(Directory.GetDirectories(Reports));
        using var firstPart = Json(Path.Combine(folder, "progress-1.json"));
        var ordersBeforeKill = firstPart.RootElement.GetProperty("counters").GetProperty("orders_placed").GetInt64();
        Assert.True(ordersBeforeKill > 0, killed.ToString());

        var resumed = await CliProcess.RunAsync(TimeLimit, "run", "--resume", folder);

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        using var secondPart = Json(Path.Combine(folder, "progress-2.json"));
        using var document = Json(Assert.Single(Directory.GetFiles(folder, "continuous_operation_*.json")));
        var report = document.RootElement;
        Assert.True(report.GetProperty("consistency_valid").GetBoolean(), resumed.ToString());
        var segments = report.GetProperty("segments");
        var (first, second) = (segments.GetProperty("segments")[0], segments.GetProperty("segments")[1]);
        Assert.Equal(2, segments.GetProperty("segments").GetArrayLength());
        Assert.True(first.GetProperty("killed").GetBoolean());
        var gap = Assert.Single(segments.GetProperty("gaps").EnumerateArray().ToArray());
        Assert.True(gap.GetProperty("seconds").GetDouble() > 0);
        // The report starts at the first start; the gap is downtime, so uptime is shorter than the run's wall span.
        var startedAt = report.GetProperty("started_at").GetDateTimeOffset();
        Assert.Equal(first.GetProperty("started_at").GetDateTimeOffset(), startedAt);
        var span = report.GetProperty("ended_at").GetDateTimeOffset() - startedAt;
        var uptime = TimeSpan.FromHours(report.GetProperty("metrics").GetProperty("uptime_hours").GetDouble());
        Assert.True(uptime < span - TimeSpan.FromSeconds(gap.GetProperty("seconds").GetDouble()) + TimeSpan.FromSeconds(1),
            $"uptime {uptime} against a span of {span}");
        // The market's simulated clock went on from where the killed part left it, rather than starting again at 0.
        Assert.True(second.GetProperty("simulated_start_seconds").GetDouble() >= first.GetProperty("simulated_end_seconds").GetDouble(),
            segments.ToString());
        // Trading counts hold both parts: the first part's, plus at least what the second had at its last checkpoint.
        var ordersOfSecondPart = secondPart.RootElement.GetProperty("counters").GetProperty("orders_placed").GetInt64();
        Assert.True(report.GetProperty("metrics").GetProperty("orders_placed").GetInt64() >= ordersBeforeKill + ordersOfSecondPart);
        Assert.Contains("resumed: 2 segments", resumed.StandardOutput);
    }

    [Fact]
    public async Task A_run_still_alive_cannot_be_resumed_and_a_finished_one_has_nothing_to_resume()
    {
        var first = CliProcess.RunAsync(TimeLimit,
            "run", "--duration", "15s", "--symbol-count", "1", "--speed", "5", "--sample-interval", "2s", "--report-dir", Reports);
        await Eventually.TrueAsync("the first run's run.json", TimeSpan.FromMinutes(1),
            () => Task.FromResult(Directory.Exists(Reports) && Directory.GetFiles(Reports, "run.json", SearchOption.AllDirectories).Length == 1));
        var folder = Assert.Single(Directory.GetDirectories(Reports));

        var whileAlive = await CliProcess.RunAsync(TimeLimit, "run", "--resume", folder);

        AssertOneLine(whileAlive, 3, "another run is using the journal database");
        var firstResult = await first;
        Assert.True(firstResult.ExitCode == 0, firstResult.ToString());

        var finished = await CliProcess.RunAsync(TimeLimit, "run", "--resume", folder);

        AssertOneLine(finished, 2, "finished at");
        Assert.Contains("there is nothing to resume", finished.StandardError);
    }

    [Fact]
    public async Task A_folder_that_is_not_a_run_folder_or_has_lost_its_database_is_refused_with_one_line()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_directory, "empty")).FullName;

        AssertOneLine(await CliProcess.RunAsync(TimeLimit, "run", "--resume", Path.Combine(_directory, "nowhere")), 2, "is not a folder");
        AssertOneLine(await CliProcess.RunAsync(TimeLimit, "run", "--resume", empty), 2, "is not a run folder");
        AssertOneLine(await CliProcess.RunAsync(TimeLimit, "run", "--resume", empty, "--duration", "1h"), 2,
            "--duration cannot be given with it");

        await KillMidRunAsync("2m", "--speed", "5");
        var folder = Assert.Single(Directory.GetDirectories(Reports));
        foreach (var journal in Directory.GetFiles(folder, "journal.db*")) File.Delete(journal);

        AssertOneLine(await CliProcess.RunAsync(TimeLimit, "run", "--resume", folder), 3, "no longer exists");
    }

    [Fact]
    public async Task A_run_killed_again_after_its_resume_can_be_resumed_once_more()
    {
        // Long enough that the last segment still trades after its recovery, however slow the first two were to start.
        await KillMidRunAsync("60s", "--speed", "60", "--memory-warm-up", "55s");
        var folder = Assert.Single(Directory.GetDirectories(Reports));
        await KillAsync("run", "--resume", folder);

        var resumed = await CliProcess.RunAsync(TimeLimit, "run", "--resume", folder);

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        using var document = Json(Assert.Single(Directory.GetFiles(folder, "continuous_operation_*.json")));
        var report = document.RootElement;
        Assert.True(report.GetProperty("consistency_valid").GetBoolean(), resumed.ToString());
        var segments = report.GetProperty("segments").GetProperty("segments").EnumerateArray().ToArray();
        Assert.Equal([1, 2, 3], segments.Select(s => s.GetProperty("segment").GetInt32()));
        Assert.Equal([true, true, false], segments.Select(s => s.GetProperty("killed").GetBoolean()));
        Assert.Equal(2, report.GetProperty("segments").GetProperty("gaps").GetArrayLength());
        for (var i = 1; i < segments.Length; i++)
        {
            Assert.True(segments[i].GetProperty("simulated_start_seconds").GetDouble() >= segments[i - 1].GetProperty("simulated_end_seconds").GetDouble(),
                report.GetProperty("segments").ToString());
        }
    }

    /// <summary>Starts a one-symbol run with the default database in its folder and kills it with SIGKILL a moment
    /// after its first fills, once its progress has been checkpointed.</summary>
    private Task<CliResult> KillMidRunAsync(string duration, params string[] options) =>
        KillAsync(["run", "--duration", duration, "--symbol-count", "1", "--sample-interval", "1s", "--progress-interval", "1s",
            "--report-dir", Reports, .. options]);

    private static async Task<CliResult> KillAsync(params string[] arguments)
    {
        var killed = await CliProcess.RunAndSignalAsync(TimeLimit, "KILL", FirstFills, TimeSpan.FromSeconds(3), arguments);
        Assert.True(killed.ExitCode == 137, killed.ToString());
        return killed;
    }

    private static void AssertOneLine(CliResult result, int exitCode, string text)
    {
        Assert.True(result.ExitCode == exitCode, result.ToString());
        Assert.Contains(text, Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    private static bool FirstFills(string progressLine) => Regex.IsMatch(progressLine, @"Progress .*\| fills [1-9]");

    private static JsonDocument Json(string path) => JsonDocument.Parse(File.ReadAllBytes(path));
}
