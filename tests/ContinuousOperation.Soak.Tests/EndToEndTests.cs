namespace ContinuousOperation.Soak.Tests;

/// <summary>The CLI as a process: a short healthy run, an impossible criterion, bad arguments, and reconciling the
/// journal a run left behind.</summary>
[Collection(PassingRunCollection.Name)]
public sealed class EndToEndTests(PassingRunFixture passingRun)
{
    private static readonly TimeSpan TimeLimit = TimeSpan.FromMinutes(3);

    [Fact]
    public void A_healthy_short_run_passes_and_reports_real_trading()
    {
        Assert.True(passingRun.Result.ExitCode == 0, passingRun.Result.ToString());

        using var report = passingRun.Report();
        var root = report.RootElement;
        Assert.Equal(
            ["test_type", "duration_hours", "consistency_valid", "metrics", "success"],
            root.EnumerateObject().Take(5).Select(p => p.Name));
        Assert.True(root.GetProperty("consistency_valid").GetBoolean());
        Assert.True(root.GetProperty("success").GetBoolean());
        Assert.False(root.GetProperty("interrupted").GetBoolean());
        Assert.Equal(20.0 / 3600, root.GetProperty("duration_hours").GetDouble(), precision: 9);
        Assert.True(root.GetProperty("metrics").GetProperty("orders_placed").GetInt64() > 0);
        Assert.True(root.GetProperty("metrics").GetProperty("orders_filled").GetInt64() > 0);
        Assert.Equal(20261124, root.GetProperty("configuration").GetProperty("seed").GetInt32());
    }

    [Fact]
    public void A_run_leaves_its_journal_log_and_summary_in_its_folder()
    {
        Assert.Equal(0, passingRun.Result.ExitCode);

        Assert.EndsWith("_seed20261124", passingRun.RunFolder);
        foreach (var file in new[] { "journal.db", "run.log", "summary.txt" })
        {
            Assert.True(File.Exists(Path.Combine(passingRun.RunFolder, file)), $"{file} missing");
        }

        Assert.StartsWith("Continuous operation run PASSED (exit code 0)", File.ReadAllText(Path.Combine(passingRun.RunFolder, "summary.txt")));
        Assert.Contains("Continuous operation run PASSED", passingRun.Result.StandardOutput);
    }

    [Fact]
    public void The_console_ends_with_the_reports_paths_and_the_verdict_naming_the_exit_code()
    {
        ConsoleEnding.AssertEndsWithVerdict(passingRun.Result, "PASSED");
        Assert.Equal(0, passingRun.Result.ExitCode);
    }

    [Fact]
    public void The_journals_are_reconciled_while_the_run_goes_on_and_the_end_reads_only_the_tail()
    {
        Assert.Equal(0, passingRun.Result.ExitCode);

        using var report = passingRun.Report();
        var consistency = report.RootElement.GetProperty("consistency");
        var all = consistency.GetProperty("trader_events_read").GetInt64() + consistency.GetProperty("exchange_events_read").GetInt64();

        Assert.True(consistency.GetProperty("rounds").GetInt32() > 1, consistency.ToString());
        Assert.InRange(consistency.GetProperty("tail_events_read").GetInt64(), 1, all - 1);
    }

    [Fact]
    public async Task Reconciling_the_journal_of_a_healthy_run_finds_it_valid()
    {
        Assert.Equal(0, passingRun.Result.ExitCode);

        var result = await CliProcess.RunAsync(TimeLimit, "reconcile", "--db", Path.Combine(passingRun.RunFolder, "journal.db"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Consistency valid", result.StandardOutput);
    }

    [Fact]
    public async Task An_impossible_criterion_fails_the_run_with_exit_code_1()
    {
        var reportDirectory = Directory.CreateTempSubdirectory("failing-run-").FullName;
        try
        {
            var result = await CliProcess.RunAsync(TimeLimit,
                "run", "--duration", "5s", "--symbol-count", "1", "--sample-interval", "1s", "--progress-interval", "5s",
                "--max-cpu-percent", "0.001", "--report-dir", reportDirectory);

            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Matches(@"\n  FAIL +average_cpu ", result.StandardOutput);
            ConsoleEnding.AssertEndsWithVerdict(result, "FAILED");
            Assert.Contains("average_cpu", result.StandardOutput.TrimEnd().Split('\n')[^1]);
        }
        finally
        {
            Directory.Delete(reportDirectory, recursive: true);
        }
    }

    [Theory]
    [InlineData("--duration", "run", "--duration", "soon")]
    [InlineData("--sample-interval: '5' has no unit: write 5s, 5m or 5h", "run", "--sample-interval", "5")]
    [InlineData("cannot be used together", "run", "--quick", "--duration", "2h")]
    [InlineData("cannot be used together", "run", "--symbols", "BTC-USDT", "--symbol-count", "2")]
    [InlineData("'sideways' is not a market", "run", "--market", "sideways")]
    [InlineData("--speed must be greater than zero", "run", "--speed", "-1")]
    [InlineData("/nonexistent/extra.hocon", "run", "--config", "/nonexistent/extra.hocon")]
    [InlineData("--memory-warm-up", "run", "--duration", "10m", "--memory-warm-up", "10m")]
    [InlineData("--memory-warm-up", "run", "--quick", "--memory-warm-up", "2h")]
    [InlineData("--no-such-option", "run", "--no-such-option")]
    [InlineData("/nonexistent/journal.db", "reconcile", "--db", "/nonexistent/journal.db")]
    [InlineData("--db", "reconcile")]
    public async Task Bad_arguments_give_one_line_and_exit_code_2(string expectedInMessage, params string[] arguments)
    {
        var result = await CliProcess.RunAsync(TimeLimit, arguments);

        Assert.True(result.ExitCode == 2, result.ToString());
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("continuous-operation: ", line);
        Assert.Contains(expectedInMessage, line);
        Assert.DoesNotContain("   at ", result.StandardError);
    }
}
