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
        Assert.True(DurationParser.TryParse(text, out var duration, out var error), error);
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
        Assert.False(DurationParser.TryParse(text, out _, out var error));
        Assert.Contains(reason, error);
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
