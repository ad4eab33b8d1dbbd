using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Domain.Tests.Run;

public sealed class RunIdTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_id_names_the_start_and_the_seed_and_sorts_by_start()
    {
        var random = new Random(1);
        var first = RunId.New(Noon, 42, random);
        var later = RunId.New(Noon.AddSeconds(1), 7, random);

        Assert.StartsWith("20261127T120000Z-42-", first.Value);
        Assert.True(string.CompareOrdinal(first.Value, later.Value) < 0);
        Assert.NotEqual(RunId.New(Noon, 42, random), RunId.New(Noon, 42, random));
    }

    [Theory]
    [InlineData("")]
    [InlineData("run 1")]
    [InlineData("a@b")]
    [InlineData("x;DROP TABLE journal")]
    public void Text_that_could_break_a_persistence_id_or_a_query_is_not_an_id(string text) =>
        Assert.False(RunId.TryParse(text, out _));

    [Fact]
    public void Journal_names_carry_the_run_and_give_back_run_and_symbol()
    {
        var run = RunId.New(Noon, 42, new Random(1));
        var symbol = new Symbol("BTC-USDT");

        Assert.True(JournalNames.TryParse(JournalNames.Trader(run, symbol), out var traderRun, out var traderSymbol));
        Assert.True(JournalNames.TryParse(JournalNames.Exchange(run, symbol), out var venueRun, out var venueSymbol));
        Assert.Equal((run, symbol), (traderRun, traderSymbol));
        Assert.Equal((run, symbol), (venueRun, venueSymbol));
        Assert.NotEqual(JournalNames.Trader(run, symbol), JournalNames.Trader(RunId.New(Noon, 42, new Random(2)), symbol));
    }

    [Theory]
    [InlineData("trader-BTC-USDT")]
    [InlineData("orders@20261127T120000Z-42-9f3a")]
    [InlineData("trader-@20261127T120000Z-42-9f3a")]
    [InlineData("trader-BTC-USDT@")]
    public void Other_persistence_ids_are_not_journals_of_a_run(string persistenceId) =>
        Assert.False(JournalNames.TryParse(persistenceId, out _, out _));
}
