using ContinuousOperation.Actors.Consistency;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Actors.Tests.Consistency;

public sealed class JournalSymbolsTests
{
    [Fact]
    public void Trader_and_exchange_journals_are_grouped_by_symbol_and_other_ids_ignored()
    {
        string[] ids =
        [
            "exchange-ETH-USDT", "trader-BTC-USDT", "exchange-BTC-USDT", "sharding-coordinator", "positions-BTC-USDT",
            "trader-SOL-USDT", "trader",
        ];

        Assert.Equal(
            [new Symbol("BTC-USDT"), new Symbol("ETH-USDT"), new Symbol("SOL-USDT")],
            JournalSymbols.In(ids));
    }
}
