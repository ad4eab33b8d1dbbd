using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Reporting;
using static ContinuousOperation.Domain.Tests.Reporting.ReportFixtures;

namespace ContinuousOperation.Domain.Tests.Reporting;

public sealed class MarkdownSummaryTests
{
    [Fact]
    public void The_verdict_is_the_heading_and_every_criterion_is_a_row()
    {
        var report = Passing();

        var markdown = MarkdownSummary.Render(report);

        Assert.StartsWith("## Continuous operation run PASSED ✅\n", markdown);
        Assert.All(report.Criteria, c => Assert.Contains($"| ✅ pass | {c.Name} |", markdown));
        Assert.DoesNotContain("### Consistency violations", markdown);
        Assert.DoesNotContain("### Errors", markdown);
    }

    [Fact]
    public void A_failed_run_shows_the_failed_criterion_and_the_violated_invariant_with_its_ids()
    {
        var report = Passing() with { Success = false, ConsistencyValid = false, Criteria = [Failed("all_validations_pass", 1, 0, "violations", "violated")] };
        report = report with { Consistency = Violating(report.Consistency, "fills_exactly_once", ["fill-7"]) };

        var markdown = MarkdownSummary.Render(report);

        Assert.StartsWith("## Continuous operation run FAILED ❌\n", markdown);
        Assert.Contains("| ❌ FAIL | all_validations_pass | 1 violations | 0 violations | limit: violated |", markdown);
        Assert.Contains("* **fills_exactly_once**: 1 violation(s)", markdown);
        Assert.Contains("  * BTC-USDT: broken `fill-7`", markdown);
        Assert.Contains("| consistency | **violated**: 8 of 9 invariants hold |", markdown);
    }

    [Fact]
    public void Free_text_cannot_break_a_table_row()
    {
        var error = new ErrorSummary(ErrorKind.Api, ErrorSeverity.Error, "exchange", 4, Start, Start, "timeout | after\n5 s");
        var report = Passing() with { ErrorAnalysis = [error] };

        var markdown = MarkdownSummary.Render(report);

        Assert.Contains("| Api | Error | exchange | 4 | timeout \\| after 5 s |\n", markdown);
    }

    [Fact]
    public void Injected_faults_get_one_row_of_key_figures()
    {
        Assert.Contains("| faults (heavy) | 2 injected, 1 not recovered |", MarkdownSummary.Render(Passing() with { Faults = TwoFaults() }));
        Assert.DoesNotContain("| faults", MarkdownSummary.Render(Passing()));
    }

    [Fact]
    public void A_rare_critical_error_is_shown_even_among_many_frequent_ones()
    {
        // The report lists critical groups first (as the error log orders them); the summary keeps that order.
        var errors = new[] { new ErrorSummary(ErrorKind.Consistency, ErrorSeverity.Critical, "journal BTC-USDT", 1, Start, Start, "fill lost") }
            .Concat(Enumerable.Range(1, 12).Select(i =>
                new ErrorSummary(ErrorKind.Api, ErrorSeverity.Error, $"trader-{i}", 50 + i, Start, Start, "no reply")))
            .ToArray();

        var markdown = MarkdownSummary.Render(Passing() with { ErrorAnalysis = errors });

        Assert.Contains("journal BTC-USDT", markdown);
    }
}
