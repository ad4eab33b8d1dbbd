using System.Xml.Linq;
using ContinuousOperation.Domain.Reporting;
using static ContinuousOperation.Domain.Tests.Reporting.ReportFixtures;

namespace ContinuousOperation.Domain.Tests.Reporting;

public sealed class JUnitReportTests
{
    private static XElement Parsed(RunReport report) => XDocument.Parse(JUnitReport.Render(report)).Root!;

    private static XElement Case(XElement root, string suite, string name) =>
        Assert.Single(root.Elements("testsuite").Single(s => (string?)s.Attribute("name") == suite).Elements("testcase"),
            c => (string?)c.Attribute("name") == name);

    [Fact]
    public void There_is_one_test_case_per_criterion_and_per_invariant()
    {
        var report = Passing();
        var root = Parsed(report);

        Assert.Equal("testsuites", root.Name.LocalName);
        Assert.Equal(report.Criteria.Select(c => c.Name),
            root.Elements("testsuite").Single(s => (string?)s.Attribute("name") == JUnitReport.CriteriaSuite).Elements("testcase").Select(c => (string?)c.Attribute("name")));
        Assert.Equal(report.Consistency.Invariants.Select(i => i.Name),
            root.Elements("testsuite").Single(s => (string?)s.Attribute("name") == JUnitReport.ConsistencySuite).Elements("testcase").Select(c => (string?)c.Attribute("name")));
        Assert.Equal(report.Criteria.Count + report.Consistency.Invariants.Count, (int)root.Attribute("tests")!);
        Assert.Equal(0, (int)root.Attribute("failures")!);
        Assert.Empty(root.Descendants("failure"));
    }

    [Fact]
    public void A_failed_criterion_carries_the_observed_value_and_the_threshold()
    {
        var report = Passing() with { Criteria = [Failed("average_cpu", 93.5, 80, "% of machine", "mean of 120 samples")] };

        var root = Parsed(report);
        var failure = Case(root, JUnitReport.CriteriaSuite, "average_cpu").Element("failure")!;

        Assert.Equal("observed 93.5 % of machine, threshold 80 % of machine", (string?)failure.Attribute("message"));
        Assert.Equal("limit: mean of 120 samples", failure.Value);
        Assert.Equal(1, (int)root.Attribute("failures")!);
    }

    [Fact]
    public void A_violated_invariant_carries_its_count_and_the_ids_involved()
    {
        var report = Passing();
        report = report with { Consistency = Violating(report.Consistency, "cash_conserved", ["trader-BTC-USDT#12"], ["order-9", "fill-3"]) };

        var failure = Case(Parsed(report), JUnitReport.ConsistencySuite, "cash_conserved").Element("failure")!;

        Assert.StartsWith("observed 2 violation(s), threshold 0", (string?)failure.Attribute("message"));
        Assert.Contains("BTC-USDT: broken [trader-BTC-USDT#12]", failure.Value);
        Assert.Contains("[order-9, fill-3]", failure.Value);
    }

    [Fact]
    public void Text_that_is_markup_in_xml_is_escaped_not_interpreted()
    {
        var report = Passing() with { Criteria = [Failed("error_rate", 3, 1, "errors/h", "<boom> & \"friends\"")] };

        var failure = Case(Parsed(report), JUnitReport.CriteriaSuite, "error_rate").Element("failure")!;

        Assert.Equal("limit: <boom> & \"friends\"", failure.Value);
    }
}
