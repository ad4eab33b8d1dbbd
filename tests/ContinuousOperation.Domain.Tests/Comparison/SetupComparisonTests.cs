using ContinuousOperation.Domain.Comparison;

namespace ContinuousOperation.Domain.Tests.Comparison;

public sealed class SetupComparisonTests
{
    private static readonly RunSetup Hour = new(1, 1, ["BTC-USDT", "ETH-USDT"], "mixed", 0.02, "light");

    private static RunFigures Run(string label, RunSetup setup) =>
        new RunFigures(label, 1, true, true, 0, 150, 200, 1, 20, 1000, 900) { Setup = setup };

    private static IReadOnlyList<SetupDifference> Between(RunSetup baseline, RunSetup run) =>
        SetupComparison.Between(Run("a.json", baseline), Run("b.json", run));

    [Fact]
    public void Runs_of_the_same_setup_do_not_differ_whatever_the_order_of_their_symbols()
    {
        Assert.Empty(Between(Hour, Hour with { Symbols = ["ETH-USDT", "BTC-USDT"] }));
    }

    [Fact]
    public void Each_setting_that_differs_is_named_with_both_values()
    {
        var differences = Between(Hour, new RunSetup(60, 0.25, ["BTC-USDT"], "trending", 0.05, "heavy"));

        Assert.Equal(
        [
            "speed 1x vs 60x",
            "duration 1 h vs 15 min",
            "symbols BTC-USDT, ETH-USDT vs BTC-USDT",
            "market mixed, daily volatility 0.02 vs trending, daily volatility 0.05",
            "fault profile light vs heavy",
        ], differences.Select(d => d.ToString()));
        Assert.All(differences, d => Assert.True(d.Known));
        Assert.All(differences, d => Assert.Equal("b.json", d.RunLabel));
    }

    [Theory]
    [InlineData(1.0 / 60, "1 min")]
    [InlineData(10.0 / 3600, "10 s")]
    [InlineData(24, "24 h")]
    public void Durations_are_written_in_the_unit_that_reads_best(double hours, string text)
    {
        Assert.Equal(text, Assert.Single(Between(Hour, Hour with { DurationHours = hours })).Run);
    }

    [Fact]
    public void Many_symbols_are_counted_and_the_first_the_other_run_lacks_are_named()
    {
        var many = Enumerable.Range(0, 1000).Select(i => $"S{i:D4}-USDT").ToArray();

        var difference = Assert.Single(Between(Hour with { Symbols = many }, Hour with { Symbols = many[..998].Append("X-USDT").ToArray() }));

        Assert.Equal("1000 symbols (with S0998-USDT, S0999-USDT)", difference.Baseline);
        Assert.Equal("999 symbols (with X-USDT)", difference.Run);
    }

    [Fact]
    public void A_setting_an_older_report_does_not_record_is_unknown_and_not_known_to_differ()
    {
        var difference = Assert.Single(Between(Hour with { FaultProfile = null }, Hour));

        Assert.Equal("fault profile unknown vs light", difference.ToString());
        Assert.False(difference.Known);
    }

    [Fact]
    public void The_comparison_is_mismatched_only_when_a_later_run_is_known_to_differ()
    {
        var same = RunComparison.Compare([Run("a", Hour), Run("b", Hour)], gatePercent: 10);
        var unknown = RunComparison.Compare([Run("a", Hour), Run("b", RunSetup.Unknown)], gatePercent: 10);
        var faster = RunComparison.Compare([Run("a", Hour), Run("b", Hour), Run("c", Hour with { Speed = 60 })], gatePercent: 10);

        Assert.False(same.Mismatched);
        Assert.False(unknown.Mismatched);
        Assert.Equal(5, unknown.SetupDifferences.Count);
        Assert.True(faster.Mismatched);
        Assert.Equal("c", Assert.Single(faster.SetupDifferences).RunLabel);
    }

    [Fact]
    public void The_table_warns_with_each_difference_and_the_refusal_names_them_in_one_line()
    {
        var result = RunComparison.Compare([Run("a", Hour), Run("b", Hour with { Speed = 60, FaultProfile = "heavy" })], gatePercent: 10);

        var table = ComparisonTable.Render(result);
        var refusal = ComparisonTable.Refusal(result);

        Assert.Contains("WARNING: the runs differ in setup", table);
        Assert.Contains("  #2 speed 1x vs 60x, fault profile light vs heavy\n", table);
        Assert.Contains("Gated although the runs differ in setup (--allow-mismatch).\n", table);
        Assert.StartsWith("the runs differ in setup (#2 speed 1x vs 60x, fault profile light vs heavy)", refusal);
        Assert.Contains("--allow-mismatch", refusal);
        Assert.DoesNotContain('\n', refusal);
    }

    [Fact]
    public void Runs_of_the_same_setup_get_no_warning()
    {
        var table = ComparisonTable.Render(RunComparison.Compare([Run("a", Hour), Run("b", Hour)], gatePercent: 10));

        Assert.DoesNotContain("setup", table);
    }
}
