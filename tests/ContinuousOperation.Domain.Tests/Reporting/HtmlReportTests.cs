using System.Text;
using System.Text.RegularExpressions;
using ContinuousOperation.Domain.Reporting;
using ContinuousOperation.Domain.Reporting.Charts;
using static ContinuousOperation.Domain.Tests.Reporting.ReportFixtures;

namespace ContinuousOperation.Domain.Tests.Reporting;

public sealed class HtmlReportTests
{
    private static readonly RenderedChart[] Charts =
    [
        new("memory", "Memory", "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>memory</text></svg>"),
        new("cpu", "CPU", "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>cpu</text></svg>"),
    ];

    [Fact]
    public void Each_chart_is_embedded_as_its_own_svg_document()
    {
        var html = HtmlReport.Render(Passing(), Charts);

        var images = Regex.Matches(html, "<figure id=\"chart-(\\w+)\"><img alt=\"([^\"]+)\" src=\"data:image/svg\\+xml;base64,([^\"]+)\">");
        Assert.Equal(["memory", "cpu"], images.Select(m => m.Groups[1].Value));
        Assert.Equal(Charts.Select(c => c.Svg), images.Select(m => Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[3].Value))));
    }

    [Fact]
    public void The_page_needs_nothing_from_the_network()
    {
        var html = HtmlReport.Render(Passing(), Charts);

        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        Assert.Contains("<style>", html);
    }

    [Fact]
    public void The_verdict_criteria_and_invariants_are_on_the_page()
    {
        var report = Passing();
        report = report with { Success = false, Consistency = Violating(report.Consistency, "no_orphaned_orders", ["order-4"]) };

        var html = HtmlReport.Render(report, Charts);

        Assert.Contains("<span class=\"verdict failed\">FAILED</span>", html);
        Assert.All(report.Criteria, c => Assert.Contains($"<td>{c.Name}</td>", html));
        Assert.All(report.Consistency.Invariants, i => Assert.Contains($"<td>{i.Name}</td>", html));
        Assert.Contains("<span class=\"ids\">order-4</span>", html);
    }

    [Fact]
    public void Text_from_the_run_is_escaped()
    {
        var report = Passing() with { Criteria = [Failed("error_rate", 3, 1, "errors/h", "<script>alert(1)</script>")] };

        var html = HtmlReport.Render(report, Charts);

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public void Injected_faults_are_listed_with_their_totals_and_timeline()
    {
        var html = HtmlReport.Render(Passing() with { Faults = TwoFaults() }, Charts);

        Assert.Contains("<h2>Injected faults (heavy)</h2>", html);
        Assert.Contains("<p>2 injected, 1 not recovered within their deadlines.</p>", html);
        Assert.Contains("<td>order book BTC-USDT</td><td>NOT RECOVERED in time</td>", html);
        Assert.DoesNotContain("Injected faults", HtmlReport.Render(Passing(), Charts));
    }
}
