using System.Globalization;
using System.Text;
using System.Xml.Linq;
using ContinuousOperation.Domain.Criteria;

namespace ContinuousOperation.Domain.Reporting;

/// <summary>The run as a JUnit XML file, the format CI systems turn into test results: one suite of criteria and one
/// of consistency invariants, one test case each. A failure's message names the observed value and the threshold, so
/// the CI's test view alone says what went wrong.</summary>
public static class JUnitReport
{
    public const string CriteriaSuite = "continuous_operation.criteria";
    public const string ConsistencySuite = "continuous_operation.consistency";

    /// <summary>A 24-hour run may collect thousands of violations; the JSON report keeps them all.</summary>
    private const int ViolationsListed = 20;

    private static XDocument Build(RunReport report)
    {
        var suites = new[]
        {
            Suite(report, CriteriaSuite, report.Criteria.Select(Criterion).ToArray()),
            Suite(report, ConsistencySuite, report.Consistency.Invariants.Select(Invariant).ToArray()),
        };
        return new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("testsuites",
                new XAttribute("name", "continuous_operation"),
                Counts(suites.SelectMany(s => s.Elements("testcase")).ToArray()),
                new XAttribute("time", Seconds(report)),
                suites));
    }

    public static string Render(RunReport report)
    {
        var text = new StringBuilder();
        using (var writer = new Utf8StringWriter(text)) Build(report).Save(writer);
        return text.Append('\n').ToString();
    }

    private static XElement Suite(RunReport report, string name, XElement[] cases) =>
        new("testsuite",
            new XAttribute("name", name),
            Counts(cases),
            new XAttribute("time", Seconds(report)),
            new XAttribute("timestamp", report.StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)),
            Properties(report),
            cases);

    private static XElement Criterion(CriterionResult c)
    {
        var testCase = Case(CriteriaSuite, c.Name);
        var observed = $"observed {ReportText.Number(c.Observed)} {c.Unit}, threshold {ReportText.Number(c.Threshold)} {c.Unit}";
        if (c.Failed) testCase.Add(new XElement("failure", new XAttribute("message", observed), new XAttribute("type", "criterion"), c.Explanation));
        // Not judged is neither a pass nor a failure: CI systems show a skipped test with its reason.
        if (c.Inconclusive) testCase.Add(new XElement("skipped", new XAttribute("message", $"inconclusive: {c.Explanation}")));
        testCase.Add(new XElement("system-out", $"{observed}; {c.Explanation}"));
        return testCase;
    }

    private static XElement Invariant(InvariantEntry invariant)
    {
        var testCase = Case(ConsistencySuite, invariant.Name);
        var observed = $"observed {invariant.Violations.Count} violation(s), threshold 0";
        if (!invariant.Holds)
        {
            var listed = invariant.Violations.Take(ViolationsListed)
                .Select(v => $"{v.Symbol}: {v.Detail} [{string.Join(", ", v.Ids)}]");
            var more = invariant.Violations.Count > ViolationsListed
                ? [$"… and {invariant.Violations.Count - ViolationsListed} more in the JSON report"]
                : Array.Empty<string>();
            testCase.Add(new XElement("failure",
                new XAttribute("message", $"{observed}: {invariant.Description}"),
                new XAttribute("type", "invariant"),
                string.Join("\n", listed.Concat(more))));
        }

        testCase.Add(new XElement("system-out", $"{observed}; {invariant.Description}"));
        return testCase;
    }

    private static XElement Case(string suite, string name) =>
        new("testcase", new XAttribute("name", name), new XAttribute("classname", suite), new XAttribute("time", 0));

    private static XElement Properties(RunReport report)
    {
        var c = report.Configuration;
        return new XElement("properties",
            Property("seed", c.Seed.ToString(CultureInfo.InvariantCulture)),
            Property("symbols", string.Join(",", c.Symbols)),
            Property("market", c.Market),
            Property("speed", ReportText.Number(c.Speed)),
            Property("duration_hours", ReportText.Number(report.DurationHours)),
            Property("uptime_hours", ReportText.Number(report.Metrics.UptimeHours)),
            Property("interrupted", report.Interrupted ? "true" : "false"),
            Property("segments", (report.Segments?.Segments.Count ?? 1).ToString(CultureInfo.InvariantCulture)),
            Property("downtime_seconds", ReportText.Number(report.Segments?.DowntimeSeconds ?? 0)));
    }

    private static XElement Property(string name, string value) =>
        new("property", new XAttribute("name", name), new XAttribute("value", value));

    private static XAttribute[] Counts(XElement[] cases) =>
    [
        new("tests", cases.Length),
        new("failures", cases.Count(c => c.Element("failure") is not null)),
        new("errors", 0),
        new("skipped", cases.Count(c => c.Element("skipped") is not null)),
    ];

    private static string Seconds(RunReport report) => ReportText.Number(report.Metrics.UptimeHours * 3600);

    /// <summary>A StringWriter announces UTF-16 in the XML declaration; the file is written as UTF-8.</summary>
    private sealed class Utf8StringWriter(StringBuilder text) : StringWriter(text, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
