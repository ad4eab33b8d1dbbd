using ContinuousOperation.Domain.Comparison;

namespace ContinuousOperation.Domain.Tests.Comparison;

public sealed class RunComparisonTests
{
    private static RunFigures Run(string label, double peakMemoryMb = 200, double errorsPerHour = 0, double? slope = 2, double cpu = 20,
        long orders = 1000, bool success = true, bool consistent = true) =>
        new(label, 1, success, consistent, errorsPerHour, 150, peakMemoryMb, slope, cpu, orders, 900);

    private static FigureCell Cell(ComparisonResult result, string figure, int column) =>
        Assert.Single(result.Rows, r => r.Figure.Name == figure).Cells[column];

    [Theory]
    [InlineData(200, 250, 25)]
    [InlineData(200, 150, -25)]
    [InlineData(-2, 1, 150)]
    [InlineData(0, 0, 0)]
    [InlineData(0, 3, double.PositiveInfinity)]
    public void The_change_is_relative_to_the_size_of_the_baseline(double reference, double current, double percent) =>
        Assert.Equal(percent, RunComparison.ChangePercent(reference, current));

    [Fact]
    public void The_baseline_has_values_and_later_runs_their_change_from_it()
    {
        var result = RunComparison.Compare([Run("a", peakMemoryMb: 200), Run("b", peakMemoryMb: 230)], gatePercent: null);

        Assert.Equal(new FigureCell(200, null, false), Cell(result, "peak memory", 0));
        Assert.Equal(new FigureCell(230, 15, false), Cell(result, "peak memory", 1));
        Assert.False(result.Regressed);
    }

    [Fact]
    public void Growth_beyond_the_gate_in_a_figure_that_is_worse_when_higher_is_a_regression()
    {
        var result = RunComparison.Compare([Run("a", peakMemoryMb: 200), Run("b", peakMemoryMb: 230)], gatePercent: 10);

        Assert.True(Cell(result, "peak memory", 1).Regressed);
        var regression = Assert.Single(result.Regressions);
        Assert.Equal("b", regression.RunLabel);
        Assert.StartsWith("peak memory 200 → 230 MB (+15%)", regression.Reason);
    }

    [Fact]
    public void Growth_within_the_gate_or_an_improvement_is_not()
    {
        var result = RunComparison.Compare([Run("a", peakMemoryMb: 200, cpu: 20), Run("b", peakMemoryMb: 215, cpu: 10)], gatePercent: 10);

        Assert.False(result.Regressed);
    }

    [Fact]
    public void More_orders_is_not_a_regression_however_large_the_change()
    {
        var result = RunComparison.Compare([Run("a", orders: 1000), Run("b", orders: 5000)], gatePercent: 10);

        Assert.Equal(400, Cell(result, "orders placed", 1).ChangePercent);
        Assert.False(result.Regressed);
    }

    [Fact]
    public void Growth_within_the_noise_floor_is_not_a_regression_even_when_the_percentage_is_large()
    {
        var quiet = RunComparison.Compare([Run("a", slope: 0.2, cpu: 2), Run("b", slope: 0.9, cpu: 2.8)], gatePercent: 10);
        var leaking = RunComparison.Compare([Run("a", slope: 0.2), Run("b", slope: 5)], gatePercent: 10);

        Assert.False(quiet.Regressed);
        Assert.True(Cell(leaking, "memory slope", 1).Regressed);
    }

    [Fact]
    public void Errors_appearing_where_there_were_none_are_a_regression()
    {
        var result = RunComparison.Compare([Run("a", errorsPerHour: 0), Run("b", errorsPerHour: 0.5)], gatePercent: 50);

        Assert.Equal(double.PositiveInfinity, Cell(result, "errors", 1).ChangePercent);
        Assert.Single(result.Regressions);
    }

    [Fact]
    public void A_later_run_that_failed_or_was_inconsistent_regresses_but_a_failed_baseline_does_not()
    {
        var result = RunComparison.Compare([Run("a", success: false, consistent: false), Run("b"), Run("c", success: false, consistent: false)], gatePercent: 10);

        Assert.Equal(
            [("c", "the run did not pass (success is false)"), ("c", "consistency violated")],
            result.Regressions.Select(r => (r.RunLabel, r.Reason)));
    }

    [Fact]
    public void Without_a_gate_nothing_is_a_regression()
    {
        var result = RunComparison.Compare([Run("a"), Run("b", peakMemoryMb: 900, success: false)], gatePercent: null);

        Assert.False(result.Regressed);
        Assert.DoesNotContain(result.Rows.SelectMany(r => r.Cells), c => c.Regressed);
    }

    [Fact]
    public void A_figure_missing_from_either_report_has_no_change()
    {
        var result = RunComparison.Compare([Run("a", slope: null), Run("b", slope: 40)], gatePercent: 10);

        Assert.Equal(new FigureCell(40, null, false), Cell(result, "memory slope", 1));
        Assert.False(result.Regressed);
    }
}
