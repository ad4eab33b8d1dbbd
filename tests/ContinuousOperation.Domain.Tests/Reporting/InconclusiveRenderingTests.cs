using System.Xml.Linq;
using ContinuousOperation.Domain.Criteria;
using ContinuousOperation.Domain.Reporting;
using static ContinuousOperation.Domain.Tests.Reporting.ReportFixtures;

namespace ContinuousOperation.Domain.Tests.Reporting;

/// <summary>A criterion that was not judged reads as inconclusive in every format, never as a pass.</summary>
public sealed class InconclusiveRenderingTests
{
    private static RunReport Report()
    {
        var passing = Passing();
        var memory = Inconclusive("memory_stable", "MB/h", "insufficient samples", "2 samples over 0.5 min; 10 needed to fit a trend");
        return passing with { Criteria = passing.Criteria.Select(c => c.Name == "memory_stable" ? memory : c).ToArray() };
    }

    [Fact]
    public void The_summary_line_says_what_was_not_judged_and_the_criterion_line_says_inconclusive()
    {
        var summary = RunSummary.Render(Report(), 0);

        Assert.StartsWith("Continuous operation run PASSED (exit code 0) — 1 criterion not judged: memory_stable (insufficient samples)\n", summary);
        Assert.Matches(@"\n  inconclusive  memory_stable +observed +0 MB/h +limit 50  insufficient samples: 2 samples over 0\.5 min; 10 needed", summary);
        Assert.DoesNotMatch(@"\n  pass +memory_stable", summary);
    }

    [Fact]
    public void Several_criteria_not_judged_are_counted_and_named()
    {
        var report = Report();
        report = report with { Criteria = [.. report.Criteria, Inconclusive("order_latency_p99", "ms", "no orders", "no order round trip was measured")] };

        Assert.Equal("PASSED (exit code 0) — 2 criteria not judged: memory_stable (insufficient samples), order_latency_p99 (no orders)",
            ReportText.VerdictLine(report, 0));
        Assert.Equal("PASSED (exit code 0)", ReportText.VerdictLine(Passing(), 0));
    }

    [Fact]
    public void Markdown_marks_the_row_and_states_it_under_the_heading()
    {
        var markdown = MarkdownSummary.Render(Report());

        Assert.Contains("\n\n**1 criterion not judged: memory_stable (insufficient samples)**\n\n", markdown);
        Assert.Contains("| ❔ inconclusive | memory_stable | 0 MB/h | 50 MB/h | insufficient samples: 2 samples", markdown);
    }

    [Fact]
    public void Html_marks_the_row_and_states_it_under_the_heading()
    {
        var html = HtmlReport.Render(Report(), []);

        Assert.Contains("<p class=\"not-judged\">1 criterion not judged: memory_stable (insufficient samples)</p>", html);
        Assert.Contains("<tr><td><span class=\"inconclusive\">inconclusive</span></td><td>memory_stable</td>", html);
        Assert.DoesNotContain("<p class=\"not-judged\">", HtmlReport.Render(Passing(), []));
    }

    [Fact]
    public void Junit_skips_the_test_case_with_the_reason_and_counts_it()
    {
        var root = XDocument.Parse(JUnitReport.Render(Report())).Root!;
        var suite = root.Elements("testsuite").Single(s => (string?)s.Attribute("name") == JUnitReport.CriteriaSuite);
        var memory = suite.Elements("testcase").Single(c => (string?)c.Attribute("name") == "memory_stable");

        Assert.Equal("inconclusive: insufficient samples: 2 samples over 0.5 min; 10 needed to fit a trend",
            (string?)memory.Element("skipped")!.Attribute("message"));
        Assert.Null(memory.Element("failure"));
        Assert.Equal(1, (int)suite.Attribute("skipped")!);
        Assert.Equal(1, (int)root.Attribute("skipped")!);
        Assert.Equal(0, (int)root.Attribute("failures")!);
        Assert.Empty(suite.Elements("testcase").Where(c => (string?)c.Attribute("name") != "memory_stable").Elements("skipped"));
    }

    [Fact]
    public void The_json_result_is_a_word()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(Report().Criteria, ReportJson.Report);

        Assert.Contains("\"result\": \"inconclusive\"", json);
        Assert.Contains("\"rule\": \"insufficient samples\"", json);
        Assert.Contains("\"result\": \"pass\"", json);
        Assert.DoesNotContain("\"passed\"", json);
        Assert.Equal(CriterionOutcome.Inconclusive, Report().Criteria.Single(c => c.Name == "memory_stable").Result);
    }
}
