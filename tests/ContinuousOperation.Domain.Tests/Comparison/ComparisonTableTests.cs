using ContinuousOperation.Domain.Comparison;

namespace ContinuousOperation.Domain.Tests.Comparison;

public sealed class ComparisonTableTests
{
    private static RunFigures Run(string label, double peakMemoryMb, bool success = true) =>
        new(label, 1, success, true, 0, 150, peakMemoryMb, null, 20, 1000, 900);

    private static string[] TableLines(string text) =>
        text.Split('\n').SkipWhile(l => !l.TrimStart().StartsWith("figure")).TakeWhile(l => l.Length > 0).ToArray();

    [Fact]
    public void Runs_are_listed_with_the_baseline_marked_and_each_figure_is_a_row()
    {
        var text = ComparisonTable.Render(RunComparison.Compare([Run("old.json", 200), Run("new.json", 250)], gatePercent: null));

        Assert.Contains("  #1  old.json  (baseline)\n", text);
        Assert.Contains("  #2  new.json\n", text);
        var lines = TableLines(text);
        Assert.Equal(["figure", "success", "consistency", .. Figure.All.Select(f => f.Name)],
            lines.Select(l => l.TrimStart().Split("   ")[0].Split(" (")[0]));
        Assert.Contains(lines, l => l.Contains("250 (+25%)"));
        Assert.EndsWith("No gate (pass --fail-on-regression PERCENT to set one).\n", text);
    }

    [Fact]
    public void Columns_are_aligned()
    {
        var text = ComparisonTable.Render(RunComparison.Compare([Run("a", 200), Run("b", 2500.125)], gatePercent: null));

        var lines = TableLines(text);
        var secondColumn = lines[0].IndexOf("#2", StringComparison.Ordinal);
        Assert.All(lines, l => Assert.NotEqual(' ', l[secondColumn]));
        Assert.All(lines, l => Assert.Equal(' ', l[secondColumn - 1]));
    }

    [Fact]
    public void A_regression_is_marked_in_its_cell_and_spelled_out_below()
    {
        var text = ComparisonTable.Render(RunComparison.Compare([Run("a", 200), Run("b", 300, success: false)], gatePercent: 10));

        Assert.Contains("300 (+50%) !", text);
        Assert.Contains("REGRESSION b: the run did not pass (success is false)\n", text);
        Assert.Contains("REGRESSION b: peak memory 200 → 300 MB (+50%)\n", text);
        Assert.EndsWith("2 regression(s) beyond 10 % against the baseline.\n", text);
    }

    [Fact]
    public void A_clean_comparison_under_a_gate_says_so()
    {
        var text = ComparisonTable.Render(RunComparison.Compare([Run("a", 200), Run("b", 205)], gatePercent: 10));

        Assert.EndsWith("No regression beyond 10 % against the baseline.\n", text);
    }
}
