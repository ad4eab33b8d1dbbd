using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Domain.Tests.Consistency;

/// <summary>The order in which the consistency actor reads a symbol's two journals, driven here over in-memory
/// journals as the actor drives it over the read journal.</summary>
public sealed class SymbolReadScheduleTests
{
    private const int Open = 5;

    /// <summary>Orders numbered as the trader numbers them, most filled in two parts, each between nine trades of others:
    /// the venue journal grows faster than the trader journal.</summary>
    private static JournalScenario BusyDay(int orders)
    {
        var scenario = new JournalScenario(startingCash: 1_000_000_000m);
        for (var n = 1; n <= orders; n++)
        {
            var (id, side, price) = ($"{JournalScenario.Symbol.Value}-{n}", n % 2 == 0 ? Side.Buy : Side.Sell, 3_000m + n % 7);
            scenario.Place(id, side, 2m, price);
            if (n > Open) scenario.Fill(id, 1m, price).Fill(id, 1m, price);
            for (var i = 0; i < 9; i++) scenario.NoiseTrade(0.5m, 3_001m);
        }
        return scenario.CloseBook();
    }

    /// <summary>Reads what the schedule asks for from the journals as they stand (their first events, when limited),
    /// and returns the reads in order and the most entries the fold held after any of them.</summary>
    private static (List<JournalRead> Reads, int Peak) Drive(
        SymbolReadSchedule schedule, IReadOnlyList<ITraderEvent> trader, IReadOnlyList<IExchangeEvent> venue)
    {
        var (reads, peak, fold) = (new List<JournalRead>(), 0, schedule.Fold);
        while (schedule.Next() is { } read)
        {
            reads.Add(read);
            var count = 0;
            for (var sequenceNr = read.FromSequenceNr; count < read.MaxEvents; sequenceNr++, count++)
            {
                if (read.Journal == SymbolJournal.Trader && sequenceNr <= trader.Count)
                    fold.AddTraderEvent(sequenceNr, trader[(int)sequenceNr - 1], JournalScenario.Serialized(trader[(int)sequenceNr - 1]));
                else if (read.Journal == SymbolJournal.Exchange && sequenceNr <= venue.Count)
                    fold.AddExchangeEvent(sequenceNr, venue[(int)sequenceNr - 1], JournalScenario.Serialized(venue[(int)sequenceNr - 1]));
                else
                    break;
            }
            schedule.Completed(read, count);
            peak = Math.Max(peak, fold.RetainedEntries);
        }
        return (reads, peak);
    }

    private static SymbolReadSchedule Schedule(int chunk) =>
        new(JournalScenario.Run, new SymbolJournalFold(JournalScenario.Run, JournalScenario.Symbol), chunk);

    [Fact]
    public void Both_journals_are_read_whole_each_event_once_the_venue_journal_last()
    {
        var scenario = BusyDay(300);
        var schedule = Schedule(chunk: 7);

        var (reads, _) = Drive(schedule, scenario.TraderJournal, scenario.ExchangeJournal);

        Assert.Equal(scenario.TraderJournal.Count, schedule.Fold.TraderEventsRead);
        Assert.Equal(scenario.ExchangeJournal.Count, schedule.Fold.ExchangeEventsRead);
        Assert.Empty(schedule.Fold.Check());
        Assert.Equal(SymbolJournal.Exchange, reads[^1].Journal);
        Assert.All(reads, r => Assert.Equal(7, r.MaxEvents));
        Assert.Contains(reads, r => r.PersistenceId == JournalScenario.TraderJournalId);
        Assert.Contains(reads, r => r.PersistenceId == JournalScenario.ExchangeJournalId);
    }

    [Fact]
    public void Reading_on_in_the_journal_that_lags_keeps_the_fold_small()
    {
        var scenario = BusyDay(2_000);

        var (_, peak) = Drive(Schedule(chunk: 50), scenario.TraderJournal, scenario.ExchangeJournal);

        // Read one journal whole before the other, the fold would hold every order at some point; the schedule holds
        // the open orders and about one chunk's worth.
        Assert.InRange(peak, 1, 4 * Open + 100);
    }

    [Fact]
    public void Without_a_lag_the_journals_take_turns_and_a_trader_read_that_found_more_opens_the_venue_journal_again()
    {
        var schedule = Schedule(chunk: 10);
        var journals = new List<SymbolJournal?>();
        void Step(int events)
        {
            var read = schedule.Next()!.Value;
            journals.Add(read.Journal);
            schedule.Completed(read, events);
        }

        Step(10); // trader: a full chunk, more to come
        Step(3);  // venue: its end
        Step(10); // trader again: a full chunk
        Step(0);  // venue again, though it had ended: the trader may have applied fills it holds
        Step(4);  // trader: its end
        Step(0);  // venue last

        Assert.Equal([SymbolJournal.Trader, SymbolJournal.Exchange, SymbolJournal.Trader, SymbolJournal.Exchange,
            SymbolJournal.Trader, SymbolJournal.Exchange], journals);
        Assert.Null(schedule.Next());
    }

    [Fact]
    public void A_later_round_reads_on_from_one_past_what_the_fold_holds()
    {
        var scenario = BusyDay(40);
        var fold = new SymbolJournalFold(JournalScenario.Run, JournalScenario.Symbol);
        var (trader, venue) = (scenario.TraderJournal, scenario.ExchangeJournal);
        var (traderCut, venueCut) = (trader.Count / 2, venue.Count / 2);

        Drive(new SymbolReadSchedule(JournalScenario.Run, fold, 6), trader.Take(traderCut).ToList(), venue.Take(venueCut).ToList());
        var second = new SymbolReadSchedule(JournalScenario.Run, fold, 6);
        var first = second.Next()!.Value;
        Drive(second, trader, venue);

        Assert.Equal((first.Journal == SymbolJournal.Trader ? traderCut : venueCut) + 1, first.FromSequenceNr);
        Assert.Equal(trader.Count, fold.TraderEventsRead);
        Assert.Equal(venue.Count, fold.ExchangeEventsRead);
        Assert.Empty(fold.Check());
    }
}
