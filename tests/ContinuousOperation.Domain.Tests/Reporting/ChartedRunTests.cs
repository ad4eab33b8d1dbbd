using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Reporting;
using ContinuousOperation.Domain.Reporting.Charts;
using ContinuousOperation.Domain.Run;
using static ContinuousOperation.Domain.Tests.Reporting.ReportFixtures;

namespace ContinuousOperation.Domain.Tests.Reporting;

/// <summary>What the charts of a one-hour run show: its samples up to the planned end, and over them what the criteria
/// judged (the memory trend, its warm-up and limit; the CPU limit), so that a verdict can be checked by eye.</summary>
public sealed class ChartedRunTests
{
    private const double DrainSeconds = 3630;

    /// <summary>A sample every two minutes for an hour, the working set rising 40 MB/h with a ±1 MB wobble, then one
    /// sample during the drain with the spike a drain draws (CPU 120 % of a core, 2 GB of working set).</summary>
    private static RunReport Report(CriteriaThresholds? criteria = null)
    {
        var samples = Enumerable.Range(0, 31)
            .Select(i => Sample(i * 120, 100 + 40 * i * 120 / 3600.0 + (i % 2 == 0 ? 1 : -1), cpu: 10 + i % 3))
            .Append(Sample(DrainSeconds, 2000, cpu: 60, cpuOfCore: 120))
            .ToArray();
        var metrics = new MetricsSnapshot(Start, TimeSpan.FromHours(1), new Dictionary<TradingCounter, long>(), samples, [],
            RunDuration: TimeSpan.FromHours(1), Activity: Criteria.RunFixtures.SteadyTrading(TimeSpan.FromHours(1)));
        return Build(new RunResult(metrics, Consistent, false, Start, Start.AddHours(1)), criteria ?? new CriteriaThresholds());
    }

    private static ResourceSample Sample(double seconds, double workingSetMb, double cpu, double cpuOfCore = 20) =>
        new(Start.AddSeconds(seconds), TimeSpan.FromSeconds(seconds), workingSetMb, 50, 0, 0, 0, cpu, cpuOfCore, 30);

    private static ChartDefinition Chart(RunReport report, string name) => Assert.Single(RunCharts.Of(report), c => c.Name == name);

    private static ChartSeries Series(ChartDefinition chart, Func<ChartSeries, bool> which) => Assert.Single(chart.Series, s => which(s));

    /// <summary>MB per hour between the first and last point of a two-point line drawn against minutes.</summary>
    private static double SlopePerHour(ChartSeries line) => (line.Y[^1] - line.Y[0]) / ((line.X[^1] - line.X[0]) / 60);

    [Fact]
    public void Samples_taken_after_the_planned_end_are_left_out_of_every_chart()
    {
        var charts = RunCharts.Of(Report());

        Assert.All(charts.SelectMany(c => c.Series), s => Assert.All(s.X, x => Assert.True(x <= 60, $"{s.Label} at {x} min")));
        Assert.Equal(31, Series(Chart(Report(), "memory"), s => s.Label == "working set").X.Count);
        Assert.DoesNotContain(120d, Series(Chart(Report(), "cpu"), s => s.Label == "of one core").Y);
    }

    [Fact]
    public void The_memory_chart_shades_the_warm_up_the_trend_left_out()
    {
        var band = Assert.Single(Chart(Report(), "memory").Bands);

        Assert.Equal((0d, 6d), (band.From, band.To));
    }

    [Fact]
    public void The_memory_trend_drawn_is_the_line_the_criterion_judged_over_the_samples_it_used()
    {
        var report = Report();
        var chart = Chart(report, "memory");

        var workingSet = Series(chart, s => s is { Kind: SeriesKind.Trend, Of: "working set" });
        var heap = Series(chart, s => s is { Kind: SeriesKind.Trend, Of: "managed heap" });
        Assert.Equal(report.MemoryTrend!.WorkingSet.SlopeMbPerHour, SlopePerHour(workingSet), 6);
        Assert.Equal(report.MemoryTrend.ManagedHeap.SlopeMbPerHour, SlopePerHour(heap), 6);
        Assert.InRange(SlopePerHour(workingSet), 39, 41);
        Assert.Equal([6d, 60d], workingSet.X);
        Assert.Contains("+40", workingSet.Label);
    }

    [Fact]
    public void The_memory_limit_rises_at_the_limit_from_the_start_of_each_trend()
    {
        var chart = Chart(Report(new CriteriaThresholds(MaxMemoryGrowthMbPerHour: 20)), "memory");

        var trend = Series(chart, s => s is { Kind: SeriesKind.Trend, Of: "working set" });
        var limit = Series(chart, s => s is { Kind: SeriesKind.Limit, Of: "working set" });
        Assert.Equal(20, SlopePerHour(limit), 6);
        Assert.Equal((trend.X[0], trend.Y[0]), (limit.X[0], limit.Y[0]));
        Assert.Equal(60, limit.X[^1]);
        Assert.Single(chart.Series, s => s is { Kind: SeriesKind.Limit, Of: "managed heap" });
    }

    [Fact]
    public void A_limit_steeper_than_the_data_stops_where_it_leaves_the_measured_range()
    {
        var chart = Chart(Report(new CriteriaThresholds(MaxMemoryGrowthMbPerHour: 400)), "memory");

        var limit = Series(chart, s => s is { Kind: SeriesKind.Limit, Of: "working set" });
        var top = chart.Series.Where(s => s.Kind != SeriesKind.Limit).SelectMany(s => s.Y).Max();
        Assert.Equal(400, SlopePerHour(limit), 6);
        Assert.Equal(top, limit.Y[^1], 6);
        Assert.True(limit.X[^1] < 60);
    }

    [Fact]
    public void When_the_criterion_had_too_few_samples_no_trend_is_drawn_and_the_title_says_why()
    {
        var report = Report();
        var chart = Chart(report with { MemoryTrend = report.MemoryTrend! with { SamplesUsed = 4 } }, "memory");

        Assert.All(chart.Series, s => Assert.Equal(SeriesKind.Measured, s.Kind));
        Assert.Equal("Memory: trend not judged (4 samples after warm-up, 10 needed)", chart.Title);
        Assert.Single(chart.Bands);
    }

    [Fact]
    public void A_report_without_a_memory_trend_draws_the_measured_memory_only()
    {
        var chart = Chart(Report() with { MemoryTrend = null }, "memory");

        Assert.All(chart.Series, s => Assert.Equal(SeriesKind.Measured, s.Kind));
        Assert.Empty(chart.Bands);
    }

    [Fact]
    public void The_cpu_chart_shows_the_average_the_criterion_judged_and_its_limit()
    {
        var chart = Chart(Report(new CriteriaThresholds(MaxCpuPercent: 70)), "cpu");

        var limit = Series(chart, s => s.Kind == SeriesKind.Limit);
        var average = Series(chart, s => s.Kind == SeriesKind.Trend);
        Assert.Equal([70d, 70d], limit.Y);
        Assert.Equal([0d, 60d], limit.X);
        Assert.Equal("of the machine", limit.Of);
        // The drain sample (60 %) is not in the average: 31 samples of 10, 11, 12, 10, … %.
        Assert.Equal(Enumerable.Range(0, 31).Average(i => 10.0 + i % 3), average.Y[0], 9);
        Assert.Equal(average.Y[0], average.Y[1]);
    }

    [Fact]
    public void Limits_and_trends_alone_are_not_data()
    {
        var empty = new ChartDefinition("cpu", "CPU", "minutes", "percent", null,
            [new ChartSeries("limit", [0, 1], [80, 80]) { Kind = SeriesKind.Limit }]);

        Assert.False(empty.HasData);
    }
}
