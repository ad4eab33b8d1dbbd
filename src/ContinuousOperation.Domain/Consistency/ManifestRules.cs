using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Consistency;

/// <summary>Invariant 9: the journals are those the run's manifest says must exist, and, once the run closed, exactly
/// what it counted and digested then. It is what turns "every journal found is consistent" into "nothing is missing".</summary>
internal static class ManifestRules
{
    public static IEnumerable<Violation> JournalsAsRecorded(JournalExpectation expected, IReadOnlyList<SymbolJournalFold> folds)
    {
        var expectedSymbols = expected.Symbols.ToHashSet();
        foreach (var fold in folds.Where(f => !expectedSymbols.Contains(f.Symbol)))
            yield return Violation(fold.Symbol, $"{fold.Symbol} has journals in run {expected.Run}, but the run's manifest does not list it",
                fold.Journals.Where(j => j.Events > 0).Select(j => j.PersistenceId).ToArray());

        var read = folds.SelectMany(f => f.Journals.Select(j => (f.Symbol, Tally: j))).ToDictionary(j => j.Tally.PersistenceId);
        foreach (var symbol in expected.Symbols)
        foreach (var journal in new[] { JournalNames.Trader(expected.Run, symbol), JournalNames.Exchange(expected.Run, symbol) })
        {
            if (!read.TryGetValue(journal, out var found) || found.Tally.Events == 0)
                yield return Violation(symbol, $"journal {journal} of manifest symbol {symbol} is missing (no events)", journal);
        }

        if (expected.Recorded is not { } recorded) yield break;
        var recordedIds = recorded.Select(r => r.PersistenceId).ToHashSet();
        foreach (var atClose in recorded)
        {
            var (symbol, now) = read.TryGetValue(atClose.PersistenceId, out var found)
                ? found
                : (SymbolOf(atClose.PersistenceId), new JournalTally(atClose.PersistenceId, 0, "none"));
            if (now.Events != atClose.Events || now.Digest != atClose.Digest)
                yield return Violation(symbol,
                    $"journal {atClose.PersistenceId} holds {now.Events} events (digest {Short(now.Digest)}), but the run closed with " +
                    $"{atClose.Events} events (digest {Short(atClose.Digest)})", atClose.PersistenceId);
        }
        foreach (var (journal, (symbol, tally)) in read.Where(r => r.Value.Tally.Events > 0 && !recordedIds.Contains(r.Key)))
            yield return Violation(symbol, $"journal {journal} holds {tally.Events} events, but the run closed without it", journal);
    }

    private static Symbol SymbolOf(string persistenceId) =>
        JournalNames.TryParse(persistenceId, out _, out var symbol) ? symbol : new Symbol(persistenceId);

    private static string Short(string digest) => digest.Length > 12 ? digest[..12] : digest;

    private static Violation Violation(Symbol symbol, string detail, params string[] ids) =>
        new(Invariant.JournalsAsRecorded, symbol, detail, ids);
}
