namespace ContinuousOperation.Domain.Consistency;

/// <summary>Turns the folds of all symbols into the report: every invariant listed, holding or not.</summary>
public static class Reconciler
{
    public static ConsistencyReport Summarise(IEnumerable<SymbolJournalFold> folds)
    {
        var all = folds.ToList();
        var violations = all.SelectMany(f => f.Check()).ToLookup(v => v.Invariant);
        var invariants = Enum.GetValues<Invariant>()
            .Select(i => new InvariantResult(i, InvariantCatalog.NameOf(i), InvariantCatalog.DescriptionOf(i),
                Holds: !violations[i].Any(), violations[i].ToList()))
            .ToList();
        return new ConsistencyReport(invariants, all.Select(f => f.Symbol).ToList(),
            all.Sum(f => f.TraderEventsRead), all.Sum(f => f.ExchangeEventsRead));
    }
}
