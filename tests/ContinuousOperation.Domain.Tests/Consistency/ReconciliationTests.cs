using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Domain.Tests.Consistency;

public sealed class ReconciliationTests
{
    private static readonly string Trader = JournalScenario.TraderJournalId;
    private static readonly string Exchange = JournalScenario.ExchangeJournalId;

    /// <summary>Every kind of event, every kind of position change, an order rejected and one left live at the close.</summary>
    private static JournalScenario Clean() => new JournalScenario()
        .Place("o1", Side.Buy, 2m, 3_000m).Fill("o1", 1m, 3_000m).Fill("o1", 1m, 2_999.5m) // opened, increased
        .NoiseTrade(0.5m, 3_001m)
        .Place("o2", Side.Sell, 3m, 3_010m).Fill("o2", 1m, 3_010m)                            // reduced
        .Fill("o2", 2m, 3_012m)                                                                // flipped to short 1
        .Place("o3", Side.Buy, 1m, 2_990m).Fill("o3", 1m, 2_990m)                             // closed
        .Place("o4", Side.Sell, 2m, 3_050m).Fill("o4", 0.5m, 3_050m).Cancel("o4")              // opened, then cancelled
        .Place("o5", Side.Buy, 1m, 2_900m, reachesVenue: false).Reject("o5")
        .Place("o6", Side.Buy, 2m, 2_950m)                                                     // live at both at the close
        .NoiseTrade(1.5m, 3_002m)
        .CloseBook();

    private static Violation Only(Invariant invariant, IReadOnlyList<Violation> violations)
    {
        Assert.All(violations, v => Assert.Equal(invariant, v.Invariant));
        return Assert.Single(violations);
    }

    [Fact]
    public void A_consistent_pair_of_journals_violates_nothing()
    {
        var report = Reconciler.Summarise(JournalScenario.Drained, [Clean().Fold()]);

        Assert.True(report.IsValid, string.Join("\n", report.Invariants.SelectMany(i => i.Violations).Select(v => v.Detail)));
        Assert.Equal(Enum.GetValues<Invariant>(), report.Invariants.Select(i => i.Invariant));
        Assert.All(report.Invariants, i => Assert.True(i.Holds && i.Violations.Count == 0 && i.Name.Length > 0 && i.Description.Length > 0));
        Assert.Equal([JournalScenario.Symbol], report.Symbols);
        Assert.Equal(Clean().TraderJournal.Count, report.TraderEventsRead);
        Assert.Equal(Clean().ExchangeJournal.Count, report.ExchangeEventsRead);
    }

    [Fact]
    public void A_lost_fill_is_reported_with_its_fill_id_and_venue_position()
    {
        var scenario = new JournalScenario().Place("o1", Side.Buy, 3m, 3_000m).Fill("o1", 1m, 3_000m, traderSees: false).CloseBook();

        var violation = Only(Invariant.FillsExactlyOnce, scenario.Check());

        Assert.Equal([scenario.LastFillId.Value, $"{Exchange}#{scenario.ExchangeSequenceNrOfLast<TradeExecuted>()}"], violation.Ids);
    }

    [Fact]
    public void A_fill_applied_twice_is_reported_with_both_copies()
    {
        var scenario = new JournalScenario().Place("o1", Side.Buy, 3m, 3_000m).Fill("o1", 1m, 3_000m).ApplyLastFillAgain().CloseBook();
        var fills = scenario.TraderJournal.Select((e, i) => (e, sequenceNr: i + 1L)).Where(x => x.e is FillApplied).ToList();

        var violation = Only(Invariant.FillsExactlyOnce, scenario.Check());

        Assert.Equal([scenario.LastFillId.Value, $"{Trader}#{fills[0].sequenceNr}", $"{Trader}#{fills[1].sequenceNr}"], violation.Ids);
    }

    [Fact]
    public void A_fill_the_venue_never_printed_is_reported()
    {
        var scenario = Clean().Corrupt<FillApplied>(f => f with { FillId = new FillId("invented") })
            .Corrupt<PositionChanged>(p => p with { CausedBy = new FillId("invented") });

        var violations = scenario.Check();

        Assert.All(violations, v => Assert.Equal(Invariant.FillsExactlyOnce, v.Invariant));
        Assert.Contains(violations, v => v.Ids.Contains("invented"));
    }

    [Fact]
    public void A_fill_both_journals_hold_on_different_terms_is_reported_with_both_positions()
    {
        var scenario = Clean().Corrupt<FillApplied>(f => f with { AccountFillSequence = f.AccountFillSequence + 100 });
        var fillId = scenario.TraderJournal.OfType<FillApplied>().Last().FillId;
        var traderSequenceNr = scenario.TraderJournal.FindLastIndex(e => e is FillApplied) + 1;

        var violation = Only(Invariant.FillsExactlyOnce, scenario.Check());

        Assert.Contains("differs", violation.Detail);
        Assert.Contains(fillId.Value, violation.Ids);
        Assert.Contains($"{Trader}#{traderSequenceNr}", violation.Ids);
    }

    [Fact]
    public void An_order_live_at_the_venue_but_cancelled_at_the_trader_is_orphaned()
    {
        var scenario = new JournalScenario().Place("o1", Side.Buy, 1m, 3_000m).Cancel("o1", atVenue: false).CloseBook();

        Assert.Equal(["o1"], Only(Invariant.NoOrphanedOrders, scenario.Check()).Ids);
    }

    [Fact]
    public void An_order_live_at_the_trader_but_cancelled_at_the_venue_is_orphaned()
    {
        var scenario = new JournalScenario().Place("o1", Side.Buy, 1m, 3_000m).Cancel("o1", atTrader: false).CloseBook();

        Assert.Equal(["o1"], Only(Invariant.NoOrphanedOrders, scenario.Check()).Ids);
    }

    [Fact]
    public void An_order_the_venue_never_saw_but_the_trader_still_holds_is_orphaned()
    {
        var scenario = new JournalScenario().Place("o1", Side.Buy, 1m, 3_000m, reachesVenue: false).CloseBook();

        Assert.Equal(["o1"], Only(Invariant.NoOrphanedOrders, scenario.Check()).Ids);
    }

    [Fact]
    public void A_closing_statement_that_disagrees_with_the_venue_journal_is_reported()
    {
        var scenario = Clean().Corrupt<BookClosed>(b => b with { LiveTraderOrders = [] });

        Assert.Equal(["o6"], Only(Invariant.NoOrphanedOrders, scenario.Check()).Ids);
    }

    [Fact]
    public void A_journal_that_does_not_end_with_BookClosed_was_not_drained()
    {
        var scenario = new JournalScenario().Place("o1", Side.Buy, 1m, 3_000m).Fill("o1", 1m, 3_000m);

        Assert.Equal([Exchange], Only(Invariant.NoOrphanedOrders, scenario.Check()).Ids);
    }

    [Fact]
    public void A_wrong_average_entry_price_is_reported_at_the_fill_that_caused_it()
    {
        var scenario = Clean();
        var index = scenario.TraderJournal.FindIndex(e => e is PositionChanged { Change: PositionChange.Increased });
        var changed = (PositionChanged)scenario.TraderJournal[index];
        scenario.TraderJournal[index] = changed with { AverageEntryPrice = changed.AverageEntryPrice + 0.0000000001m };

        var violation = Only(Invariant.PositionMatchesFills, scenario.Check());

        Assert.Equal([changed.CausedBy.Value, $"{Trader}#{index + 1}"], violation.Ids);
    }

    [Fact]
    public void A_fill_without_its_position_change_is_reported()
    {
        var scenario = Clean();
        scenario.TraderJournal.RemoveAt(scenario.TraderJournal.FindLastIndex(e => e is PositionChanged));
        var fill = scenario.TraderJournal.OfType<FillApplied>().Last();

        var violation = Only(Invariant.PositionMatchesFills, scenario.Check());

        Assert.Equal([fill.FillId.Value, $"{Trader}#{scenario.TraderSequenceNrOfLast<FillApplied>()}"], violation.Ids);
    }

    [Fact]
    public void Broken_cash_is_reported_at_the_fill_that_caused_it()
    {
        var scenario = Clean().Corrupt<PositionChanged>(p => p with { Cash = p.Cash + 0.01m });
        var last = scenario.TraderJournal.OfType<PositionChanged>().Last();

        var violation = Only(Invariant.CashConserved, scenario.Check());

        Assert.Equal([last.CausedBy.Value, $"{Trader}#{scenario.TraderSequenceNrOfLast<PositionChanged>()}"], violation.Ids);
    }

    [Fact]
    public void A_close_recorded_as_a_reduction_leaves_an_orphaned_position()
    {
        var scenario = Clean();
        var index = scenario.TraderJournal.FindIndex(e => e is PositionChanged { Change: PositionChange.Closed });
        var closed = (PositionChanged)scenario.TraderJournal[index];
        scenario.TraderJournal[index] = closed with { Change = PositionChange.Reduced };

        var violations = scenario.Check();

        Assert.All(violations, v => Assert.Equal(Invariant.NoOrphanedPositions, v.Invariant));
        Assert.Contains(violations, v => v.Ids.SequenceEqual([closed.CausedBy.Value, $"{Trader}#{index + 1}"]));
        Assert.Contains(violations, v => v.Ids.SequenceEqual([Trader]));
    }

    [Theory]
    [InlineData(4, 0)]
    [InlineData(0, 3)]
    public void A_sequence_gap_is_reported_where_it_is_found(long traderGapAt, long exchangeGapAt)
    {
        var violation = Only(Invariant.ContiguousSequence, Clean().Check(traderGapAt, exchangeGapAt));

        Assert.Equal([traderGapAt > 0 ? $"{Trader}#{traderGapAt + 1}" : $"{Exchange}#{exchangeGapAt + 1}"], violation.Ids);
    }

    [Fact]
    public void An_over_fill_is_reported_on_both_journals()
    {
        var scenario = new JournalScenario().Place("o1", Side.Buy, 2m, 3_000m).Fill("o1", 3m, 3_000m).CloseBook();

        var violations = scenario.Check();

        Assert.All(violations, v => Assert.Equal(Invariant.OrderQuantities, v.Invariant));
        Assert.Equal(
            [["o1", $"{Trader}#{scenario.TraderSequenceNrOfLast<FillApplied>()}"], ["o1", $"{Exchange}#{scenario.ExchangeSequenceNrOfLast<TradeExecuted>()}"]],
            violations.Select(v => v.Ids));
    }

    [Fact]
    public void A_terminal_order_that_changes_is_reported()
    {
        var scenario = new JournalScenario().Place("o1", Side.Buy, 1m, 3_000m).Fill("o1", 1m, 3_000m)
            .Cancel("o1", atVenue: false).CloseBook();

        var violation = Only(Invariant.OrderQuantities, scenario.Check());

        Assert.Equal(["o1", $"{Trader}#{scenario.TraderSequenceNrOfLast<OrderCancelled>()}"], violation.Ids);
        Assert.Contains("Filled", violation.Detail);
    }

    [Fact]
    public void A_cancel_that_misstates_the_unfilled_rest_is_reported()
    {
        var scenario = Clean().Corrupt<OrderCancelled>(c => c with { RemainingQuantity = c.RemainingQuantity + 1m });

        var violation = Only(Invariant.OrderQuantities, scenario.Check());

        Assert.Equal(["o4", $"{Trader}#{scenario.TraderSequenceNrOfLast<OrderCancelled>()}"], violation.Ids);
    }

    [Fact]
    public void A_closing_balance_that_its_trades_do_not_explain_breaks_exchange_conservation()
    {
        var scenario = Clean().Corrupt<BookClosed>(b => b with
        {
            Balances = b.Balances.Select(x => x.Account == AccountId.NoiseTaker ? x with { Position = x.Position + 0.5m } : x).ToList(),
        });

        var violations = scenario.Check();

        Assert.All(violations, v => Assert.Equal(Invariant.ExchangeConservation, v.Invariant));
        Assert.Contains(violations, v => v.Ids.SequenceEqual([AccountId.NoiseTaker.Value]));
        Assert.Contains(violations, v => v.Detail.Contains("net to 0.5"));
    }

    [Fact]
    public void Journals_may_be_read_in_any_interleaving()
    {
        var scenario = Clean();
        var fold = new SymbolJournalFold(JournalScenario.Run, JournalScenario.Symbol);
        for (var i = 0; i < scenario.ExchangeJournal.Count; i++)
            fold.AddExchangeEvent(i + 1, scenario.ExchangeJournal[i], JournalScenario.Serialized(scenario.ExchangeJournal[i]));
        for (var i = 0; i < scenario.TraderJournal.Count; i++)
            fold.AddTraderEvent(i + 1, scenario.TraderJournal[i], JournalScenario.Serialized(scenario.TraderJournal[i]));

        Assert.Empty(fold.Check());
    }

    [Fact]
    public void A_flood_of_violations_is_listed_up_to_a_bound_and_counted()
    {
        var scenario = new JournalScenario().Place("o1", Side.Buy, 1_000m, 3_000m);
        for (var i = 0; i < 40; i++)
            scenario.Fill("o1", 1m, 3_000m, traderSees: false);
        scenario.CloseBook();

        var violations = scenario.Check();

        Assert.All(violations, v => Assert.Equal(Invariant.FillsExactlyOnce, v.Invariant));
        Assert.Equal(26, violations.Count);
        Assert.Equal("15 more of the same kind not listed", violations[^1].Detail);
    }

    [Fact]
    public void The_report_marks_only_the_violated_invariant()
    {
        var broken = new JournalScenario().Place("o1", Side.Buy, 1m, 3_000m).Cancel("o1", atVenue: false).CloseBook();

        var report = Reconciler.Summarise(JournalScenario.Drained, [broken.Fold()]);

        Assert.False(report.IsValid);
        Assert.Equal([Invariant.NoOrphanedOrders], report.Invariants.Where(i => !i.Holds).Select(i => i.Invariant));
        Assert.Equal([InvariantState.Violated], report.Invariants.Where(i => !i.Holds).Select(i => i.State));
        Assert.Equal([JournalScenario.Symbol], report.Symbols);
    }
}
