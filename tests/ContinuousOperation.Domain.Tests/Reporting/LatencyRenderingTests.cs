using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Reporting;
using ContinuousOperation.Domain.Reporting.Charts;
using static ContinuousOperation.Domain.Tests.Reporting.ReportFixtures;

namespace ContinuousOperation.Domain.Tests.Reporting;

public sealed class LatencyRenderingTests
{
    private static readonly Dictionary<string, LatencySummary> Latencies = new()
    {
        [LatencyInstruments.OrderRoundTrip] = new LatencySummary(1200, 3, 2.5, 41.25, 120),
        [LatencyInstruments.CrossNodeOrderRoundTrip] = new LatencySummary(0, 0, 0, 0, 0),
        [LatencyInstruments.FillToPersist] = new LatencySummary(900, 5, 4, 18, 33),
    };

    private static RunReport Report() => Passing() with { Latencies = Latencies };

    [Fact]
    public void The_console_summary_has_a_row_per_latency_with_p50_p99_max_and_count()
    {
        var summary = RunSummary.Render(Report(), 0);

        Assert.Contains("Latency (ms)               p50        p99        max      count\n", summary);
        Assert.Contains("  order round trip         2.5      41.25        120       1200\n", summary);
        Assert.Contains("  fill to persist            4         18         33        900\n", summary);
        Assert.DoesNotContain("cross node", summary);
        Assert.DoesNotContain("Latency (ms)", RunSummary.Render(Passing() with { Latencies = null }, 0));
    }

    [Fact]
    public void Markdown_and_html_have_a_latency_table()
    {
        Assert.Contains("### Latency\n\n| | p50 | p99 | max | count |\n|---|---|---|---|---|\n" +
                        "| order round trip | 2.5 ms | 41.25 ms | 120 ms | 1200 |\n| fill to persist | 4 ms | 18 ms | 33 ms | 900 |\n",
            MarkdownSummary.Render(Report()));
        Assert.Contains("<tr><td>order round trip</td><td class=\"number\">2.5 ms</td><td class=\"number\">41.25 ms</td>" +
                        "<td class=\"number\">120 ms</td><td class=\"number\">1200</td></tr>", HtmlReport.Render(Report(), []));
    }

    [Fact]
    public void The_latency_chart_draws_p50_and_p99_per_interval_and_skips_intervals_without_a_measurement()
    {
        Dictionary<string, LatencySummary> Interval(double p99) => new() { [LatencyInstruments.OrderRoundTrip] = new LatencySummary(10, 1, 1, p99, p99) };
        var samples = new[]
        {
            Sample(60) with { Latencies = Interval(20) },
            Sample(120),
            Sample(180) with { Latencies = Interval(35) },
        };
        var report = Passing() with { Resources = samples };

        var chart = Assert.Single(RunCharts.Of(report), c => c.Name == "latency");
        var p99 = Assert.Single(chart.Series, s => s.Label == "order round trip p99");

        Assert.Equal([1d, 3d], p99.X);
        Assert.Equal([20d, 35d], p99.Y);
        Assert.False(Assert.Single(chart.Series, s => s.Label == "fill to persist p99").HasPoints);
        Assert.DoesNotContain(chart.Series, s => s.Label.Contains("limit"));
    }

    [Fact]
    public void The_latency_chart_draws_the_p99_limit_across_the_run_when_one_is_set()
    {
        var report = Passing() with { Resources = [Sample(60), Sample(600)] };
        report = report with
        {
            Configuration = report.Configuration with
            {
                Criteria = report.Configuration.Criteria with { MaxOrderLatencyP99 = TimeSpan.FromMilliseconds(250) },
            },
        };

        var limit = Assert.Single(Assert.Single(RunCharts.Of(report), c => c.Name == "latency").Series, s => s.Label == "order round trip p99 limit");

        Assert.Equal([1d, 10d], limit.X);
        Assert.Equal([250d, 250d], limit.Y);
        Assert.Equal((SeriesKind.Limit, "order round trip p99"), (limit.Kind, limit.Of));
    }
}
