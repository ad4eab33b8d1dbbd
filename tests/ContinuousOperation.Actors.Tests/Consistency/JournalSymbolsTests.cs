using ContinuousOperation.Actors.Consistency;
using ContinuousOperation.Actors.Tests.Support;
using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Actors.Tests.Consistency;

public sealed class JournalSymbolsTests
{
    [Fact]
    public void Journals_of_the_run_are_grouped_by_symbol_and_other_runs_and_ids_ignored()
    {
        var (btc, eth, sol) = (new Symbol("BTC-USDT"), new Symbol("ETH-USDT"), new Symbol("SOL-USDT"));
        var otherRun = RunId.New(new DateTimeOffset(2026, 11, 27, 13, 0, 0, TimeSpan.Zero), 42, new Random(2));
        string[] ids =
        [
            JournalNames.Exchange(TestRun.Id, eth), JournalNames.Trader(TestRun.Id, btc), JournalNames.Exchange(TestRun.Id, btc),
            "sharding-coordinator", "positions-BTC-USDT", "trader-SOL-USDT", "trader", JournalNames.Trader(otherRun, sol),
        ];

        Assert.Equal([btc, eth], JournalSymbols.In(ids, TestRun.Id));
    }
}
