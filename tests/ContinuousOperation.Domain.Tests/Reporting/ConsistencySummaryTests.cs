using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Reporting;
using ContinuousOperation.Domain.Tests.Consistency;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Tests.Reporting;

public sealed class ConsistencySummaryTests
{
    private static readonly JournalExpectation Unfinished = JournalScenario.Drained with { Drained = false };

    /// <summary>Killed while trading: o1 filled at both sides, o2 still live, the book never closed.</summary>
    private static JournalScenario Killed() => new JournalScenario()
        .Place("o1", Side.Buy, 1m, 3_000m).Fill("o1", 1m, 3_000m)
        .Place("o2", Side.Sell, 1m, 3_010m);

    [Fact]
    public void An_unfinished_run_that_holds_up_says_so_plainly_and_lists_what_was_not_applicable()
    {
        var section = ConsistencySection.From(Reconciler.Summarise(Unfinished, [Killed().Fold()]));

        var text = ConsistencySummary.Render(section);

        Assert.StartsWith("Consistency consistent but unfinished: 7 of 9 invariants hold, 2 not applicable", text);
        Assert.Contains("  no_orphaned_orders: not applicable (run unfinished)", text);
        Assert.Contains("  exchange_conservation: not applicable (run unfinished)", text);
        Assert.False(section.Finished);
        Assert.Equal(["no_orphaned_orders", "exchange_conservation"],
            section.Invariants.Where(i => i.State == InvariantEntry.NotApplicable).Select(i => i.Name));
    }

    [Fact]
    public void An_unfinished_run_with_a_violation_is_violated_not_unfinished()
    {
        var section = ConsistencySection.From(Reconciler.Summarise(Unfinished, [Killed().Fold(traderGapAt: 2)]));

        var text = ConsistencySummary.Render(section);

        Assert.StartsWith("Consistency VIOLATED:", text);
        Assert.Contains("contiguous_sequence: 1 violation(s)", text);
        Assert.Equal("violated", section.Invariants.Single(i => i.Name == "contiguous_sequence").State);
    }
}
