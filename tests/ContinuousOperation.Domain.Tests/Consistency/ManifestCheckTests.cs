using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Domain.Tests.Consistency;

/// <summary>Reconciliation against the run's manifest: what must exist, what a closed run recorded, and what an
/// unfinished run can and cannot be held to.</summary>
public sealed class ManifestCheckTests
{
    private static readonly Symbol Other = new("SOL-USDT");

    private static JournalScenario Clean() => new JournalScenario()
        .Place("o1", Side.Buy, 2m, 3_000m).Fill("o1", 1m, 3_000m).Fill("o1", 1m, 2_999.5m)
        .NoiseTrade(0.5m, 3_001m)
        .Place("o2", Side.Sell, 3m, 3_010m).Fill("o2", 1m, 3_010m).Fill("o2", 2m, 3_012m)
        .Place("o3", Side.Buy, 1m, 2_990m).Fill("o3", 1m, 2_990m)
        .Place("o4", Side.Sell, 2m, 3_050m).Fill("o4", 0.5m, 3_050m).Cancel("o4")
        .Place("o6", Side.Buy, 2m, 2_950m)
        .NoiseTrade(1.5m, 3_002m)
        .CloseBook();

    private static InvariantResult Result(ConsistencyReport report, Invariant invariant) =>
        report.Invariants.Single(i => i.Invariant == invariant);

    [Fact]
    public void A_closed_run_whose_journals_are_as_recorded_is_consistent()
    {
        var clean = Clean().Fold();
        var closed = JournalExpectation.Closed(JournalScenario.Run, [JournalScenario.Symbol], clean.Journals);

        var report = Reconciler.Summarise(closed, [Clean().Fold()]);

        Assert.True(report.IsValid, string.Join("\n", report.Invariants.SelectMany(i => i.Violations).Select(v => v.Detail)));
        Assert.Equal(InvariantState.Holds, Result(report, Invariant.JournalsAsRecorded).State);
        Assert.Equal([JournalScenario.TraderJournalId, JournalScenario.ExchangeJournalId], report.Journals.Select(j => j.PersistenceId));
        Assert.Equal(Clean().TraderJournal.Count, report.Journals[0].Events);
    }

    [Fact]
    public void A_database_without_any_journal_of_the_run_fails()
    {
        var report = Reconciler.Summarise(JournalScenario.Drained, []);

        Assert.False(report.IsValid);
        var missing = Result(report, Invariant.JournalsAsRecorded);
        Assert.Equal(InvariantState.Violated, missing.State);
        Assert.Equal([JournalScenario.TraderJournalId, JournalScenario.ExchangeJournalId], missing.Violations.SelectMany(v => v.Ids));
    }

    [Fact]
    public void A_manifest_symbol_without_journals_fails_even_if_every_journal_found_is_consistent()
    {
        var expected = JournalScenario.Drained with { Symbols = [JournalScenario.Symbol, Other] };

        var report = Reconciler.Summarise(expected, [Clean().Fold(), new SymbolJournalFold(JournalScenario.Run, Other)]);

        var missing = Result(report, Invariant.JournalsAsRecorded);
        Assert.Equal(InvariantState.Violated, missing.State);
        Assert.All(missing.Violations, v => Assert.Equal(Other, v.Symbol));
        Assert.Equal(2, missing.Violations.Count);
        Assert.DoesNotContain(report.Invariants.SelectMany(i => i.Violations), v => v.Symbol == JournalScenario.Symbol);
    }

    [Fact]
    public void Journals_of_the_run_for_a_symbol_the_manifest_does_not_list_fail()
    {
        var report = Reconciler.Summarise(JournalScenario.Drained with { Symbols = [] }, [Clean().Fold()]);

        var unlisted = Assert.Single(Result(report, Invariant.JournalsAsRecorded).Violations);
        Assert.Contains("does not list", unlisted.Detail);
    }

    [Fact]
    public void A_closed_run_with_a_journal_it_did_not_record_fails()
    {
        var recorded = Clean().Fold().Journals.Take(1).ToArray();

        var report = Reconciler.Summarise(JournalExpectation.Closed(JournalScenario.Run, [JournalScenario.Symbol], recorded), [Clean().Fold()]);

        var extra = Assert.Single(Result(report, Invariant.JournalsAsRecorded).Violations);
        Assert.Contains("closed without it", extra.Detail);
        Assert.Equal([JournalScenario.ExchangeJournalId], extra.Ids);
    }

    [Fact]
    public void An_unfinished_run_sets_the_drain_only_invariants_aside_and_tolerates_fills_still_in_flight()
    {
        // Killed after the venue printed the last fill of o2, before the trader applied it, and before the drain.
        var killed = new JournalScenario()
            .Place("o1", Side.Buy, 2m, 3_000m).Fill("o1", 1m, 3_000m)
            .Place("o2", Side.Sell, 1m, 3_010m).Fill("o2", 1m, 3_010m, traderSees: false);

        var unfinished = Reconciler.Summarise(JournalScenario.Drained with { Drained = false }, [killed.Fold()]);
        var asIfDrained = Reconciler.Summarise(JournalScenario.Drained, [killed.Fold()]);

        Assert.True(unfinished.IsValid, string.Join("\n", unfinished.Invariants.SelectMany(i => i.Violations).Select(v => v.Detail)));
        Assert.False(unfinished.Drained);
        Assert.Equal([Invariant.NoOrphanedOrders, Invariant.ExchangeConservation],
            unfinished.Invariants.Where(i => i.State == InvariantState.NotApplicable).Select(i => i.Invariant));
        Assert.False(asIfDrained.IsValid);
        Assert.Equal(InvariantState.Violated, Result(asIfDrained, Invariant.FillsExactlyOnce).State);
    }

    [Fact]
    public void An_unfinished_run_still_fails_on_a_fill_lost_before_one_the_trader_applied()
    {
        // The trader applied o2's fill, so o1's earlier fill cannot have been in flight: it was lost.
        var lost = new JournalScenario()
            .Place("o1", Side.Buy, 2m, 3_000m).Fill("o1", 1m, 3_000m, traderSees: false)
            .Place("o2", Side.Sell, 1m, 3_010m).Fill("o2", 1m, 3_010m);

        var report = Reconciler.Summarise(JournalScenario.Drained with { Drained = false }, [lost.Fold()]);

        Assert.False(report.IsValid);
        Assert.Equal(InvariantState.Violated, Result(report, Invariant.FillsExactlyOnce).State);
    }

    [Fact]
    public void An_unfinished_run_still_fails_on_a_sequence_gap()
    {
        var report = Reconciler.Summarise(JournalScenario.Drained with { Drained = false }, [Clean().Fold(traderGapAt: 3)]);

        Assert.Equal(InvariantState.Violated, Result(report, Invariant.ContiguousSequence).State);
    }
}
