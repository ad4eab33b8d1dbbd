using ContinuousOperation.Domain.Reporting;

namespace ContinuousOperation.Domain.Tests.Reporting;

public sealed class RunEndingTests
{
    private static readonly (string, string)[] Files = [("report.html", "/r/report.html"), ("JSON", "/r/continuous_operation_1.json")];

    [Fact]
    public void The_report_paths_come_first_and_the_verdict_with_the_exit_code_is_the_last_line()
    {
        var lines = RunEnding.Render(ReportFixtures.Passing(), 0, Files).TrimEnd().Split(Environment.NewLine);

        Assert.Equal(
            ["", "Report", "  report.html: /r/report.html", "  JSON:        /r/continuous_operation_1.json",
             $"PASSED (exit 0): all {ReportFixtures.Passing().Criteria.Count} criteria pass"],
            lines);
    }

    [Fact]
    public void A_failed_run_names_the_criteria_that_failed()
    {
        var report = ReportFixtures.Passing() with
        {
            Success = false,
            Criteria = [.. ReportFixtures.Passing().Criteria, ReportFixtures.Failed("memory_stable", 80, 50, "MB/h", "slope")],
        };

        Assert.Equal("FAILED (exit 1): memory_stable failed", RunEnding.VerdictLine(report, 1));
    }

    [Fact]
    public void A_passing_run_names_what_was_not_judged()
    {
        var judged = ReportFixtures.Passing().Criteria.Where(c => !c.Inconclusive).ToArray();
        var report = ReportFixtures.Passing() with
        {
            Criteria = [.. judged, ReportFixtures.Inconclusive("memory_stable", "MB/h", "insufficient samples", "3 samples")],
        };

        Assert.Equal(
            $"PASSED (exit 0): {judged.Length} of {judged.Length + 1} criteria pass; 1 criterion not judged: memory_stable (insufficient samples)",
            RunEnding.VerdictLine(report, 0));
    }

    [Fact]
    public void An_interrupted_run_says_so_with_its_own_exit_code()
    {
        var report = ReportFixtures.Passing() with { Interrupted = true };

        Assert.Equal("INTERRUPTED (exit 130): stopped before its end; the report covers what ran", RunEnding.VerdictLine(report, 130));
    }
}
