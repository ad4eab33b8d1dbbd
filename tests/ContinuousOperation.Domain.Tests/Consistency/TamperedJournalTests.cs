using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Domain.Tests.Consistency;

/// <summary>
/// Seeded tampering of a closed run's journals — delete, duplicate, edit or truncate, at random positions of either
/// journal — read back through the fold and checked against the tallies the run recorded at its close. However the
/// journal was changed, the check must not pass, and it must name the journal that changed.
/// </summary>
public sealed class TamperedJournalTests
{
    private const int Iterations = 600;

    private sealed record Entry(long SequenceNr, object Event, byte[] Bytes);

    private enum Tampering { Delete, DeleteAndRenumber, Duplicate, EditBytes, ReplaceEvent, Truncate }

    [Fact]
    public void A_closed_runs_check_never_passes_a_tampered_journal()
    {
        var tamperings = Enum.GetValues<Tampering>();
        var seen = new HashSet<Tampering>();
        for (var seed = 0; seed < Iterations; seed++)
        {
            var random = new Random(seed);
            var scenario = Scenario(random);
            var (trader, venue) = (Entries(scenario.TraderJournal), Entries(scenario.ExchangeJournal));
            var recorded = Fold(trader, venue).Journals;
            var closed = JournalExpectation.Closed(JournalScenario.Run, [JournalScenario.Symbol], recorded);
            Assert.True(Reconciler.Summarise(closed, [Fold(trader, venue)]).IsValid, $"seed {seed}: the untampered journals must pass");

            var tampering = tamperings[random.Next(tamperings.Length)];
            seen.Add(tampering);
            var tamperTrader = random.Next(2) == 0;
            var changed = Tamper(tamperTrader ? trader : venue, tampering, random);
            var report = Reconciler.Summarise(closed, [tamperTrader ? Fold(changed, venue) : Fold(trader, changed)]);

            var what = $"seed {seed}: {tampering} of the {(tamperTrader ? "trader" : "venue")} journal";
            Assert.False(report.IsValid, $"{what} passed");
            var recordedCheck = report.Invariants.Single(i => i.Invariant == Invariant.JournalsAsRecorded);
            Assert.True(recordedCheck.State == InvariantState.Violated, $"{what} was not caught by the recorded tallies");
            var journal = tamperTrader ? JournalScenario.TraderJournalId : JournalScenario.ExchangeJournalId;
            Assert.Contains(recordedCheck.Violations, v => v.Ids.Contains(journal));
        }

        Assert.Equal(tamperings.Length, seen.Count);
    }

    /// <summary>A different run each seed: a few orders, fills, cancels and noise trades in random order.</summary>
    private static JournalScenario Scenario(Random random)
    {
        var scenario = new JournalScenario();
        for (var i = 0; i < random.Next(2, 6); i++)
        {
            var id = $"o{i}";
            var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
            scenario.Place(id, side, 2m, 3_000m + i);
            if (random.Next(3) > 0) scenario.Fill(id, 1m, 3_000m + i);
            if (random.Next(2) == 0) scenario.Cancel(id);
            scenario.NoiseTrade(0.5m + random.Next(3), 3_001m);
        }
        return scenario.CloseBook();
    }

    private static List<Entry> Entries<T>(IEnumerable<T> events) where T : notnull =>
        events.Select((e, i) => new Entry(i + 1, e, JournalScenario.Serialized(e))).ToList();

    private static SymbolJournalFold Fold(IEnumerable<Entry> trader, IEnumerable<Entry> venue)
    {
        var fold = new SymbolJournalFold(JournalScenario.Run, JournalScenario.Symbol);
        foreach (var e in trader) fold.AddTraderEvent(e.SequenceNr, (ITraderEvent)e.Event, e.Bytes);
        foreach (var e in venue) fold.AddExchangeEvent(e.SequenceNr, (IExchangeEvent)e.Event, e.Bytes);
        return fold;
    }

    private static List<Entry> Tamper(List<Entry> journal, Tampering tampering, Random random)
    {
        var changed = journal.ToList();
        var at = random.Next(changed.Count);
        switch (tampering)
        {
            case Tampering.Delete:
                changed.RemoveAt(at);
                return changed;
            case Tampering.DeleteAndRenumber:
                changed.RemoveAt(at);
                return Renumbered(changed);
            case Tampering.Duplicate:
                changed.Insert(at + 1, changed[at]);
                return Renumbered(changed);
            case Tampering.EditBytes:
                var bytes = changed[at].Bytes.ToArray();
                bytes[random.Next(bytes.Length)] ^= (byte)(1 + random.Next(255));
                changed[at] = changed[at] with { Bytes = bytes };
                return changed;
            case Tampering.ReplaceEvent:
                var other = (at + 1 + random.Next(changed.Count - 1)) % changed.Count;
                changed[at] = changed[other] with { SequenceNr = changed[at].SequenceNr };
                return changed;
            default:
                return changed.Take(random.Next(changed.Count)).ToList();
        }
    }

    private static List<Entry> Renumbered(IEnumerable<Entry> entries) =>
        entries.Select((e, i) => e with { SequenceNr = i + 1 }).ToList();
}
