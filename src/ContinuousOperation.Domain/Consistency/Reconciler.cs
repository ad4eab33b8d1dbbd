namespace ContinuousOperation.Domain.Consistency;

/// <summary>Turns the folds of all symbols into the report: every invariant listed, holding, violated, or — for a run
/// that never drained — not applicable.</summary>
public static class Reconciler
{
    /// <param name="folds">One per symbol of the manifest, and one per other symbol found with journals of the run.</param>
    public static ConsistencyReport Summarise(JournalExpectation expected, IEnumerable<SymbolJournalFold> folds)
    {
        var all = folds.ToList();
        var violations = all.SelectMany(f => f.Check(expected.Drained))
            .Concat(ManifestRules.JournalsAsRecorded(expected, all))
            .ToLookup(v => v.Invariant);
        var invariants = Enum.GetValues<Invariant>()
            .Select(i => Result(i, expected.Drained || !InvariantCatalog.IsDrainOnly(i), violations[i].ToList()))
            .ToList();
        return new ConsistencyReport(invariants, all.Select(f => f.Symbol).ToList(),
            all.Sum(f => f.TraderEventsRead), all.Sum(f => f.ExchangeEventsRead))
        {
            Journals = all.SelectMany(f => f.Journals).ToList(),
            Drained = expected.Drained,
            LastRoundEventsRead = all.Sum(f => f.TraderEventsRead + f.ExchangeEventsRead),
        };
    }

    private static InvariantResult Result(Invariant invariant, bool applicable, IReadOnlyList<Violation> violations)
    {
        var state = !applicable ? InvariantState.NotApplicable
            : violations.Count == 0 ? InvariantState.Holds
            : InvariantState.Violated;
        return new InvariantResult(invariant, InvariantCatalog.NameOf(invariant), InvariantCatalog.DescriptionOf(invariant), state,
            applicable ? violations : []);
    }
}
