using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Domain.Tests.Consistency;

public sealed class ReconciliationRoundsTests
{
    private static readonly RunId Other = RunId.New(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero), 43, new Random(8));

    [Fact]
    public void Rounds_of_one_run_read_on_in_the_same_reconciliation_and_the_closing_read_ends_it()
    {
        var rounds = new ReconciliationRounds();

        var first = rounds.ForRound(JournalScenario.Run);
        var second = rounds.ForRound(JournalScenario.Run);
        var closing = rounds.ForClose(JournalScenario.Run);
        var afterClose = rounds.ForClose(JournalScenario.Run);

        Assert.Same(first, second);
        Assert.Same(first, closing);
        Assert.NotSame(closing, afterClose);
    }

    [Fact]
    public void A_round_of_another_run_starts_from_scratch()
    {
        var rounds = new ReconciliationRounds();
        var first = rounds.ForRound(JournalScenario.Run);

        var other = rounds.ForRound(Other);

        Assert.NotSame(first, other);
        Assert.Equal(Other, other.Run);
        Assert.NotSame(first, rounds.ForRound(JournalScenario.Run));
    }

    [Fact]
    public void A_read_goes_through_the_manifest_symbols_then_any_other_with_journals_each_once()
    {
        var running = new RunningReconciliation(JournalScenario.Run);
        var (btc, eth, sol) = (new Symbol("BTC-USDT"), new Symbol("ETH-USDT"), new Symbol("SOL-USDT"));
        var expected = new JournalExpectation(JournalScenario.Run, [eth, btc], Drained: false);

        var schedule = running.ReadSchedule(expected, [btc, sol]).ToList();

        Assert.Equal([eth, btc, sol], schedule.Select(s => s.Fold.Symbol));
        Assert.Same(running.FoldOf(btc), schedule[1].Fold);
    }

    [Fact]
    public void What_is_left_to_read_is_known_only_for_a_run_whose_manifest_counted_its_journals()
    {
        var scenario = new JournalScenario().Place("o1", Side.Buy, 1m, 3_000m);
        var running = new RunningReconciliation(JournalScenario.Run);
        var fold = running.FoldOf(JournalScenario.Symbol);
        fold.AddTraderEvent(1, scenario.TraderJournal[0], JournalScenario.Serialized(scenario.TraderJournal[0]));
        var recorded = new[] { new JournalTally("a", 10, "x"), new JournalTally("b", 5, "y") };

        Assert.Null(running.EventsLeft(new JournalExpectation(JournalScenario.Run, [JournalScenario.Symbol], Drained: true)));
        Assert.Equal(14, running.EventsLeft(JournalExpectation.Closed(JournalScenario.Run, [JournalScenario.Symbol], recorded)));
    }
}
