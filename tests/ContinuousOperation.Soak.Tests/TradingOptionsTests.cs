using ContinuousOperation.Cli.Commands;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Soak.Tests;

/// <summary>How the <c>trading_active</c> thresholds reach the run's settings, and which values are refused.</summary>
public sealed class TradingOptionsTests
{
    private static CriteriaThresholds Bind(params string[] arguments)
    {
        var command = new RunCommand();
        var parse = command.Parse(arguments);
        Assert.Empty(parse.Errors);
        return command.Bind(parse).Settings.Criteria;
    }

    [Fact]
    public void Without_the_options_the_thresholds_are_the_domain_defaults()
    {
        var defaults = new CriteriaThresholds();

        var criteria = Bind();

        Assert.Equal(
            (defaults.MinOrdersPerSymbolMinute, defaults.MinFillsPerSymbolMinute, defaults.MaxSymbolSilence),
            (criteria.MinOrdersPerSymbolMinute, criteria.MinFillsPerSymbolMinute, criteria.MaxSymbolSilence));
    }

    [Fact]
    public void The_options_set_the_floors_and_the_silence_limit()
    {
        var criteria = Bind("--min-orders-per-symbol-minute", "2.5", "--min-fills-per-symbol-minute", "0", "--max-symbol-silence", "90s");

        Assert.Equal((2.5, 0d, TimeSpan.FromSeconds(90)),
            (criteria.MinOrdersPerSymbolMinute, criteria.MinFillsPerSymbolMinute, criteria.MaxSymbolSilence));
    }

    [Theory]
    [InlineData("--min-orders-per-symbol-minute", "-1", "--min-orders-per-symbol-minute must not be negative")]
    [InlineData("--min-orders-per-symbol-minute", "NaN", "--min-orders-per-symbol-minute: 'NaN' is not a finite number")]
    [InlineData("--min-fills-per-symbol-minute", "Infinity", "--min-fills-per-symbol-minute: 'Infinity' is not a finite number")]
    [InlineData("--min-fills-per-symbol-minute", "-0.5", "--min-fills-per-symbol-minute must not be negative")]
    [InlineData("--max-symbol-silence", "soon", "--max-symbol-silence: 'soon' is not a duration")]
    public void Bad_values_are_one_clear_error(string option, string value, string error)
    {
        var parse = new RunCommand().Parse([option, value]);

        Assert.StartsWith(error, Assert.Single(parse.Errors).Message);
    }
}
