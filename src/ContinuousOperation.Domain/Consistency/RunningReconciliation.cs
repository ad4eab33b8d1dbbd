using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Domain.Consistency;

/// <summary>
/// Reconciliation of one run in rounds while it goes on: the fold of each symbol stays alive between rounds, each round
/// reads on from where the last one stopped (<see cref="SymbolJournalFold.NextSequenceNrs"/>) up to a consistent cut and
/// judges the invariants that hold at every instant (<see cref="SymbolJournalFold.CheckAtCut"/>); the last round reads
/// the tail and applies every rule (<see cref="Close"/>). Each breach keeps the time a round first found it, so a
/// problem of hour 3 is reported at hour 3, not at hour 48. Memory is that of the folds.
/// </summary>
public sealed class RunningReconciliation(RunId run)
{
    private readonly SortedDictionary<string, SymbolJournalFold> _folds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _firstFound = [];
    private long _eventsBeforeRound;

    public RunId Run { get; } = run;

    /// <summary>Rounds completed, the closing one included.</summary>
    public int Rounds { get; private set; }

    /// <summary>Events read by the last completed round.</summary>
    public long LastRoundEventsRead { get; private set; }

    public long EventsRead => _folds.Values.Sum(f => f.TraderEventsRead + f.ExchangeEventsRead);

    /// <summary>The fold of <paramref name="symbol"/>, created empty on first use.</summary>
    public SymbolJournalFold FoldOf(Symbol symbol)
    {
        if (!_folds.TryGetValue(symbol.Value, out var fold))
            _folds.Add(symbol.Value, fold = new SymbolJournalFold(Run, symbol));
        return fold;
    }

    /// <summary>What a read of <paramref name="expected"/> goes through, symbol by symbol: each symbol the run's
    /// manifest names, then any other of the run that has journals (<paramref name="journalled"/>).</summary>
    public IEnumerable<SymbolReadSchedule> ReadSchedule(JournalExpectation expected, IEnumerable<Symbol> journalled) =>
        expected.Symbols.Union(journalled).Select(symbol => new SymbolReadSchedule(Run, FoldOf(symbol)));

    /// <summary>Events a read of <paramref name="expected"/> has left to read, when known: the journals of a run that
    /// closed are counted in its manifest.</summary>
    public long? EventsLeft(JournalExpectation expected) => expected.Recorded?.Sum(r => r.Events) - EventsRead;

    /// <summary>Ends an intermediate round whose events were added up to a consistent cut (trader journal of a symbol
    /// before its venue journal) and returns the breaches no earlier round found, stamped <paramref name="now"/>.</summary>
    public IReadOnlyList<Violation> EndRoundAtCut(DateTimeOffset now)
    {
        EndRound();
        return _folds.Values.SelectMany(f => f.CheckAtCut())
            .Where(v => _firstFound.TryAdd(v.Key, now))
            .Select(v => v with { FoundAt = now })
            .ToList();
    }

    /// <summary>Ends the closing round (the tail read) with every rule of <see cref="Reconciler"/>; each violation
    /// carries the time a round first found it, <paramref name="now"/> for those found only now.</summary>
    public ConsistencyReport Close(JournalExpectation expected, DateTimeOffset now)
    {
        EndRound();
        var report = Reconciler.Summarise(expected, _folds.Values.ToList());
        return report with
        {
            Invariants = report.Invariants
                .Select(i => i with { Violations = i.Violations.Select(v => Stamped(v, now)).ToList() })
                .ToList(),
            Rounds = Rounds,
            LastRoundEventsRead = LastRoundEventsRead,
        };
    }

    private Violation Stamped(Violation violation, DateTimeOffset now)
    {
        _firstFound.TryAdd(violation.Key, now);
        return violation with { FoundAt = _firstFound[violation.Key] };
    }

    private void EndRound()
    {
        var read = EventsRead;
        (LastRoundEventsRead, _eventsBeforeRound) = (read - _eventsBeforeRound, read);
        Rounds++;
    }
}
