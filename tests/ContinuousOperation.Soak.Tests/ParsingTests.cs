using ContinuousOperation.Cli.Parsing;

namespace ContinuousOperation.Soak.Tests;

public sealed class ParsingTests
{
    [Theory]
    [InlineData("24", 24 * 3600)]
    [InlineData("1.5", 5400)]
    [InlineData("90s", 90)]
    [InlineData("90m", 5400)]
    [InlineData("24h", 24 * 3600)]
    [InlineData("1h30m", 5400)]
    [InlineData("1h30m15s", 5415)]
    [InlineData(" 45S ", 45)]
    public void Durations_are_hours_when_bare_and_otherwise_follow_their_units(string text, int expectedSeconds)
    {
        Assert.True(DurationParser.TryParse(text, DurationParser.BareNumber.Hours, out var duration, out var error), error);
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), duration);
    }

    [Theory]
    [InlineData("250ms", 250)]
    [InlineData("0.001ms", 0.001)]
    [InlineData("1s250ms", 1250)]
    [InlineData("1m", 60_000)]
    public void Latency_limits_are_written_in_milliseconds(string text, double expectedMilliseconds)
    {
        Assert.True(DurationParser.TryParse(text, out var duration, out var error), error);
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), duration);
        Assert.Equal(duration, DurationParser.TryParse(DurationParser.Format(duration), out var again, out _) ? again : TimeSpan.Zero);
    }

    [Theory]
    [InlineData("", "is not a duration")]
    [InlineData("abc", "is not a duration")]
    [InlineData("1h30", "is not a duration")]
    [InlineData("10d", "is not a duration")]
    [InlineData("-5", "is not a duration")]
    [InlineData("-5m", "is not a duration")]
    [InlineData("0", "must be a positive duration")]
    [InlineData("0s", "must be a positive duration")]
    [InlineData("99999999", "is longer than 365 days")]
    public void Bad_durations_are_rejected_with_a_reason(string text, string reason)
    {
        Assert.False(DurationParser.TryParse(text, DurationParser.BareNumber.Hours, out _, out var error));
        Assert.Contains(reason, error);
    }

    [Theory]
    [InlineData("5", "'5' has no unit: write 5s, 5m or 5h")]
    [InlineData("1.5", "'1.5' has no unit: write 1.5s, 1.5m or 1.5h")]
    public void Where_a_bare_number_is_refused_the_error_names_the_missing_unit(string text, string expected)
    {
        Assert.False(DurationParser.TryParse(text, out _, out var error));
        Assert.Equal(expected, error);
        Assert.True(DurationParser.TryParse(text + "s", out var seconds, out _));
        Assert.Equal(TimeSpan.FromSeconds(double.Parse(text, System.Globalization.CultureInfo.InvariantCulture)), seconds);
    }

    [Theory]
    [InlineData(30, "30s")]
    [InlineData(60, "1m")]
    [InlineData(600, "10m")]
    [InlineData(5400, "1h30m")]
    [InlineData(3600 * 720, "720h")]
    [InlineData(3661.5, "1h1m1.5s")]
    public void A_duration_is_formatted_the_way_the_parser_reads_it_back(double seconds, string expected)
    {
        Assert.Equal(expected, DurationParser.Format(TimeSpan.FromSeconds(seconds)));
        Assert.True(DurationParser.TryParse(expected, out var parsed, out var error), error);
        Assert.Equal(TimeSpan.FromSeconds(seconds), parsed);
    }

    [Fact]
    public void Symbols_are_upper_cased_and_keep_their_order()
    {
        Assert.True(SymbolListParser.TryParse("eth-usdt, BTC-USDT", out var instruments, out var error), error);
        Assert.Equal(["ETH-USDT", "BTC-USDT"], instruments.Select(i => i.Symbol.Value));
    }

    [Theory]
    [InlineData("", "at least one symbol")]
    [InlineData("BTCUSDT", "not a symbol")]
    [InlineData("BTC-USDT,BTC-USDT", "listed twice")]
    public void Bad_symbol_lists_are_rejected_with_a_reason(string text, string reason)
    {
        Assert.False(SymbolListParser.TryParse(text, out _, out var error));
        Assert.Contains(reason, error);
    }
}
