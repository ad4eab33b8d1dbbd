using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Reporting;
using ContinuousOperation.Domain.Reporting.Charts;
using static ContinuousOperation.Domain.Tests.Reporting.ReportFixtures;

namespace ContinuousOperation.Domain.Tests.Reporting;

public sealed class RunChartsTests
{
    private static ChartDefinition Chart(IReadOnlyList<ResourceEntry> samples, string name) =>
        Assert.Single(RunCharts.Of(Passing() with { Resources = samples }), c => c.Name == name);

    private static ChartSeries Series(ChartDefinition chart, string label) => Assert.Single(chart.Series, s => s.Label == label);

    [Fact]
    public void Every_chart_the_issue_asks_for_is_there_with_its_own_file_name()
    {
        var names = RunCharts.Of(Passing()).Select(c => c.Name);

        Assert.Equal(["memory", "cpu", "gc", "threads", "throughput", "errors", "latency"], names);
    }

    [Fact]
    public void Throughput_is_orders_and_fills_per_minute_from_the_cumulative_activity()
    {
        var chart = Chart(
        [
            Sample(0, activity: new ActivityCounts(0, 0, 0, 0)),
            Sample(30, activity: new ActivityCounts(50, 20, 0, 0)),
            Sample(60, activity: new ActivityCounts(150, 50, 0, 0)),
        ], "throughput");

        Assert.Equal([100d, 200d], Series(chart, "orders placed").Y);
        Assert.Equal([40d, 60d], Series(chart, "fills").Y);
        Assert.Equal([0.5, 1.0], Series(chart, "fills").X);
    }

    [Fact]
    public void Errors_and_faults_are_drawn_as_steps_of_the_counts_since_the_start()
    {
        var chart = Chart(
        [
            Sample(0, activity: new ActivityCounts(0, 0, 0, 0)),
            Sample(60, activity: new ActivityCounts(0, 0, 1, 3)),
            Sample(120, activity: new ActivityCounts(0, 0, 1, 3)),
        ], "errors");

        // Each count holds until the reading that saw it change, then rises straight up.
        Assert.Equal([0d, 1d, 1d, 2d, 2d], Series(chart, "errors").X);
        Assert.Equal([0d, 0d, 1d, 1d, 1d], Series(chart, "errors").Y);
        Assert.Equal([0d, 0d, 3d, 3d, 3d], Series(chart, "faults injected").Y);
    }

    [Fact]
    public void A_chart_of_zeros_has_an_axis_from_0_to_1_not_around_zero()
    {
        var chart = Chart([Sample(0, activity: new ActivityCounts(0, 0, 0, 0)), Sample(60, activity: new ActivityCounts(0, 0, 0, 0))], "errors");

        Assert.Equal(new AxisRange(0, 1), chart.LeftRange);
        Assert.Equal(new AxisRange(0, 1), chart.XRange);
    }

    [Fact]
    public void A_chart_without_samples_has_axes_from_0_to_1()
    {
        var chart = Chart([], "gc");

        Assert.Equal(new AxisRange(0, 1), chart.XRange);
        Assert.Equal(new AxisRange(0, 1), chart.LeftRange);
        Assert.Equal(new AxisRange(0, 1), chart.RightRange);
    }

    [Fact]
    public void A_report_written_before_activity_was_sampled_still_draws_its_memory_and_leaves_throughput_empty()
    {
        var samples = new[] { Sample(0, 100), Sample(30, 110), Sample(60, 120) };

        Assert.False(Chart(samples, "throughput").HasData);
        Assert.False(Chart(samples, "errors").HasData);
        Assert.Equal([100d, 110d, 120d], Series(Chart(samples, "memory"), "working set").Y);
    }

    [Fact]
    public void Figures_of_another_magnitude_go_on_the_right_axis()
    {
        var gc = Chart([Sample(0), Sample(60)], "gc");
        var threads = Chart([Sample(0), Sample(60)], "threads");

        Assert.Equal(["pause"], gc.Series.Where(s => s.OnRightAxis).Select(s => s.Label));
        Assert.Equal(["busiest mailbox"], threads.Series.Where(s => s.OnRightAxis).Select(s => s.Label));
        Assert.NotNull(gc.RightYLabel);
        Assert.NotNull(threads.RightYLabel);
    }

    [Fact]
    public void A_report_without_samples_has_charts_without_data()
    {
        Assert.All(RunCharts.Of(Passing() with { Resources = [] }), c => Assert.False(c.HasData));
    }
}
