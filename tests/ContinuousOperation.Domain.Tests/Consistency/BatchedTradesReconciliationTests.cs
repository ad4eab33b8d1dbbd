using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Tests.Consistency;

/// <summary>
/// A venue journal that holds a command's trades as one <see cref="TradesExecuted"/> row: reconciliation must see every
/// trade inside it, so a trade lost, duplicated or altered inside a batch (the row itself intact, its sequence number in
/// place) is caught as surely as a lost or changed row.
/// </summary>
public sealed class BatchedTradesReconciliationTests
{
    /// <summary>One order filled twice amid other participants' trades, all five trades in one batch.</summary>
    private static JournalScenario Batched() =>
        new JournalScenario()
            .Place("o1", Side.Buy, 3m, 3_000m)
            .NoiseTrade(0.5m, 3_001m).Fill("o1", 1m, 3_000m).NoiseTrade(0.25m, 3_002m).Fill("o1", 1m, 3_000m).NoiseTrade(2m, 2_999m)
            .CloseBook()
            .Batched();

    [Fact]
    public void A_batched_journal_reconciles_and_every_trade_in_it_is_read()
    {
        var scenario = Batched();

        var batch = Assert.Single(scenario.ExchangeJournal.OfType<TradesExecuted>());
        Assert.Equal(5, batch.Trades.Count);
        Assert.Empty(scenario.Check());
        Assert.Equal(3, scenario.Fold().ExchangeEventsRead);
    }

    [Theory]
    [InlineData("trader's trade lost", Invariant.FillsExactlyOnce)]
    [InlineData("trader's trade duplicated", Invariant.FillsExactlyOnce)]
    [InlineData("trader's trade at another price", Invariant.FillsExactlyOnce)]
    [InlineData("other trade lost", Invariant.ExchangeConservation)]
    [InlineData("other trade duplicated", Invariant.ExchangeConservation)]
    [InlineData("other trade of another quantity", Invariant.ExchangeConservation)]
    public void A_trade_lost_duplicated_or_altered_inside_a_batch_is_caught(string tampering, Invariant caughtBy)
    {
        var scenario = Batched().Corrupt<TradesExecuted>(batch => new TradesExecuted(batch.Symbol, Tampered(batch.Trades, tampering)));

        var violations = scenario.Check();

        Assert.Contains(violations, v => v.Invariant == caughtBy);
    }

    private static TradeExecuted[] Tampered(IReadOnlyList<TradeExecuted> trades, string tampering)
    {
        var traders = trades.Where(t => t.LegOf(JournalScenario.Trader) is not null).ToArray();
        var others = trades.Except(traders).ToArray();
        return tampering switch
        {
            "trader's trade lost" => trades.Where(t => t != traders[1]).ToArray(),
            "trader's trade duplicated" => [.. trades, traders[0]],
            "trader's trade at another price" => trades.Select(t => t == traders[0] ? t with { Price = t.Price + 1m } : t).ToArray(),
            "other trade lost" => trades.Where(t => t != others[1]).ToArray(),
            "other trade duplicated" => [.. trades, others[2]],
            "other trade of another quantity" => trades.Select(t => t == others[0] ? t with { Quantity = t.Quantity + 0.1m } : t).ToArray(),
            _ => throw new ArgumentOutOfRangeException(nameof(tampering), tampering, null),
        };
    }
}
