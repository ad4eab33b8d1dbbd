using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Domain.Tests.Consistency;

/// <summary>The fold's memory follows the open orders, not the length of the journals: settled orders and fills are
/// retired, and what comes for them afterwards is still caught.</summary>
public sealed class BoundedFoldTests
{
    private const int Orders = 10_000;
    private const int Open = 5;

    /// <summary>Orders numbered as the trader numbers them.</summary>
    private static string Id(int n) => $"{JournalScenario.Symbol.Value}-{n}";

    /// <summary>A long day: <see cref="Orders"/> orders, the first <see cref="Open"/> left resting to the close, the
    /// others filled in two parts or part-filled and cancelled, between nine trades of other participants each: over
    /// 100 k trades.</summary>
    private static JournalScenario LongDay(Action<JournalScenario, int>? afterOrder = null)
    {
        var scenario = new JournalScenario(startingCash: 1_000_000_000m);
        for (var n = 1; n <= Orders; n++)
        {
            var (id, side, price) = (Id(n), n % 2 == 0 ? Side.Buy : Side.Sell, 3_000m + n % 7);
            scenario.Place(id, side, 2m, price);
            if (n > Open)
            {
                scenario.Fill(id, 1m, price);
                if (n % 4 == 0) scenario.Cancel(id);
                else scenario.Fill(id, 1m, price);
            }
            for (var i = 0; i < 9; i++) scenario.NoiseTrade(0.5m, 3_001m);
            afterOrder?.Invoke(scenario, n);
        }
        return scenario.CloseBook();
    }

    /// <summary>Reads both journals as the consistency actor does, on in whichever lags, and returns the fold with the
    /// most entries it held at any point.</summary>
    private static (SymbolJournalFold Fold, int Peak) ReadLaggingFirst(JournalScenario scenario)
    {
        var fold = new SymbolJournalFold(JournalScenario.Run, JournalScenario.Symbol);
        var (trader, venue) = (scenario.TraderJournal, scenario.ExchangeJournal);
        var (t, x, peak) = (0, 0, 0);
        while (t < trader.Count || x < venue.Count)
        {
            if (t < trader.Count && (x == venue.Count || !fold.VenueLagsTrader))
                fold.AddTraderEvent(++t, trader[t - 1], JournalScenario.Serialized(trader[t - 1]));
            else
                fold.AddExchangeEvent(++x, venue[x - 1], JournalScenario.Serialized(venue[x - 1]));
            peak = Math.Max(peak, fold.RetainedEntries);
        }
        return (fold, peak);
    }

    [Fact]
    public void A_long_clean_day_holds_only_about_the_open_orders_and_reconciles()
    {
        var scenario = LongDay();

        var (fold, peak) = ReadLaggingFirst(scenario);

        Assert.True(scenario.ExchangeJournal.OfType<TradeExecuted>().Count() > 100_000);
        Assert.Empty(fold.Check());
        // Each open order is held by both ledgers and splits the runs of retired numbers; a few fills and orders wait
        // for the journals to pass them.
        Assert.InRange(fold.RetainedEntries, 1, 4 * Open + 10);
        Assert.InRange(peak, 1, 4 * Open + 20);
    }

    [Fact]
    public void A_long_day_read_one_journal_after_the_other_still_ends_small()
    {
        var fold = LongDay().Fold();

        Assert.Empty(fold.Check());
        Assert.InRange(fold.RetainedEntries, 1, 4 * Open + 10);
    }

    [Fact]
    public void A_fill_applied_again_long_after_it_was_retired_is_caught()
    {
        FillId early = default;
        var scenario = LongDay((s, n) =>
        {
            if (n == 10) early = s.LastFillId;
            if (n == Orders - 1) s.ApplyAgain(early);
        });
        var copyAt = scenario.TraderJournal.FindLastIndex(e => e is FillApplied f && f.FillId == early) + 1;

        var (fold, peak) = ReadLaggingFirst(scenario);
        var violations = fold.Check();

        Assert.InRange(peak, 1, 4 * Open + 20);
        var repeat = Assert.Single(violations, v => v.Invariant == Invariant.FillsExactlyOnce);
        Assert.Equal([early.Value, $"{JournalScenario.TraderJournalId}#{copyAt}"], repeat.Ids);
        Assert.Contains("applied again", repeat.Detail);
        Assert.Contains(violations, v => v.Invariant == Invariant.OrderQuantities && v.Ids[0] == Id(10) && v.Detail.Contains("settled"));
    }

    [Fact]
    public void A_fill_printed_again_long_after_it_was_retired_is_caught()
    {
        TradeExecuted? early = null;
        var scenario = LongDay((s, n) =>
        {
            if (n == 10) early = s.ExchangeJournal.OfType<TradeExecuted>().Last(t => t.LegOf(JournalScenario.Trader) is not null);
            if (n == Orders - 1) s.ExchangeJournal.Add(early!);
        });
        var fillId = early!.Buyer.Account == JournalScenario.Trader ? early.Buyer.FillId : early.Seller.FillId;

        var (fold, _) = ReadLaggingFirst(scenario);

        Assert.Contains(fold.Check(), v => v.Invariant == Invariant.FillsExactlyOnce && v.Ids[0] == fillId.Value && v.Detail.Contains("printed again"));
    }

    [Fact]
    public void An_event_for_an_order_retired_long_ago_is_caught_in_either_journal()
    {
        var scenario = LongDay((s, n) =>
        {
            if (n != Orders - 1) return;
            s.TraderJournal.Add(new OrderCancelled(new ClientOrderId(Id(7)), 0m, "late"));
            s.ExchangeJournal.Add(new ExchangeOrderAccepted(JournalScenario.Symbol, JournalScenario.Trader, new ClientOrderId(Id(9)),
                Side.Sell, OrderType.Limit, 3_000m, 2m, TimeSpan.Zero));
        });

        var (fold, _) = ReadLaggingFirst(scenario);
        var problems = fold.Check().Where(v => v.Invariant == Invariant.OrderQuantities).ToList();

        Assert.Contains(problems, v => v.Ids[0] == Id(7) && v.Ids[1].StartsWith(JournalScenario.TraderJournalId, StringComparison.Ordinal)
                                       && v.Detail.Contains("changes after it was settled"));
        Assert.Contains(problems, v => v.Ids[0] == Id(9) && v.Detail.Contains("placed a second time"));
    }

    [Fact]
    public void A_lost_fill_stays_listed_and_does_not_stop_the_others_from_retiring()
    {
        FillId lost = default;
        var scenario = new JournalScenario(startingCash: 1_000_000_000m);
        for (var n = 1; n <= 2_000; n++)
        {
            scenario.Place(Id(n), Side.Buy, 1m, 3_000m).Fill(Id(n), 1m, 3_000m, traderSees: n != 100);
            if (n == 100) lost = scenario.LastFillId;
        }
        scenario.CloseBook();

        var (fold, peak) = ReadLaggingFirst(scenario);

        Assert.InRange(peak, 1, 30);
        Assert.Contains(fold.Check(), v => v.Invariant == Invariant.FillsExactlyOnce && v.Ids[0] == lost.Value && v.Detail.Contains("missing"));
        Assert.Contains(fold.Check(), v => v.Invariant == Invariant.NoOrphanedOrders && v.Ids.SequenceEqual([Id(100)]));
    }
}
