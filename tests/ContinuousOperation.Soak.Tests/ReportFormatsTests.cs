using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ContinuousOperation.Soak.Tests;

[Collection(PassingRunCollection.Name)]
public sealed class ReportFormatsTests(PassingRunFixture run)
{
    private static readonly string[] ChartNames = ["memory", "cpu", "gc", "threads", "throughput", "errors", "latency"];
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private string InRunFolder(string name) => Path.Combine(run.RunFolder, name);

    [Fact]
    public void The_run_left_every_format_and_no_temporary_file()
    {
        Assert.All(["summary.md", "junit.xml", "report.html"], name => Assert.True(File.Exists(InRunFolder(name)), name));
        Assert.Empty(Directory.GetFiles(run.RunFolder, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Each_chart_is_a_png_picture()
    {
        Assert.Equal(ChartNames.Select(n => $"{n}.png").Order(),
            Directory.GetFiles(InRunFolder("charts")).Select(Path.GetFileName).Order());
        Assert.All(ChartNames, name =>
        {
            var png = File.ReadAllBytes(Path.Combine(InRunFolder("charts"), $"{name}.png"));
            Assert.Equal(PngSignature, png.Take(PngSignature.Length));
            Assert.True(png.Length > 5_000, $"{name}.png has only {png.Length} bytes");
        });
    }

    [Fact]
    public void The_junit_file_has_a_test_case_per_criterion_and_per_invariant_of_the_report()
    {
        using var report = run.Report();
        var criteria = report.RootElement.GetProperty("criteria").EnumerateArray().ToArray();
        var invariants = report.RootElement.GetProperty("consistency").GetProperty("invariants").EnumerateArray().ToArray();

        var junit = XDocument.Load(InRunFolder("junit.xml")).Root!;
        var cases = junit.Descendants("testcase").Select(c => ((string)c.Attribute("classname")!, (string?)c.Attribute("name"))).ToArray();

        Assert.Equal(7, criteria.Length);
        Assert.Equal(9, invariants.Length);
        Assert.Equal(
            criteria.Select(c => ("continuous_operation.criteria", c.GetProperty("name").GetString()))
                .Concat(invariants.Select(i => ("continuous_operation.consistency", i.GetProperty("name").GetString()))),
            cases);
        Assert.Equal(
            criteria.Count(c => c.GetProperty("result").GetString() == "fail") + invariants.Count(i => !i.GetProperty("holds").GetBoolean()),
            (int)junit.Attribute("failures")!);
    }

    [Fact]
    public void The_html_page_embeds_every_chart_as_svg_and_loads_nothing()
    {
        var html = File.ReadAllText(InRunFolder("report.html"));

        var charts = Regex.Matches(html, "<figure id=\"chart-(\\w+)\"><img alt=\"[^\"]+\" src=\"data:image/svg\\+xml;base64,([^\"]+)\">");
        Assert.Equal(ChartNames, charts.Select(m => m.Groups[1].Value));
        Assert.All(charts, m => Assert.Contains("<svg", Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[2].Value))));
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        Assert.Contains("all_validations_pass", html);
        Assert.Contains("trading_active", html);
    }

    [Fact]
    public void The_markdown_summary_leads_with_the_verdict_of_the_report()
    {
        using var report = run.Report();
        var markdown = File.ReadAllText(InRunFolder("summary.md"));

        var verdict = report.RootElement.GetProperty("success").GetBoolean() ? "PASSED" : "FAILED";
        Assert.StartsWith($"## Continuous operation run {verdict}", markdown);
        Assert.Contains("| all_validations_pass |", markdown);
        Assert.Contains("| trading_active |", markdown);
    }
}
