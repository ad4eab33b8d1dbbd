using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Actors.Consistency;

/// <summary>Finds the symbols to reconcile among the persistence ids a journal holds.</summary>
public static class JournalSymbols
{
    /// <summary>The symbols that have a trader or an exchange journal (<see cref="JournalNames"/>), in ordinal order;
    /// any other id (other persistent actors, sharding state, …) is ignored.</summary>
    public static IReadOnlyList<Symbol> In(IEnumerable<string> persistenceIds) =>
        persistenceIds
            .Select(SymbolOf)
            .OfType<Symbol>()
            .Distinct()
            .OrderBy(s => s.Value, StringComparer.Ordinal)
            .ToArray();

    private static Symbol? SymbolOf(string persistenceId)
    {
        // Both journal names are "{kind}-{symbol}" and symbols contain dashes themselves, so split at the first one
        // and let JournalNames confirm the kind.
        var dash = persistenceId.IndexOf('-');
        if (dash < 0)
        {
            return null;
        }

        var symbol = new Symbol(persistenceId[(dash + 1)..]);
        return persistenceId == JournalNames.Trader(symbol) || persistenceId == JournalNames.Exchange(symbol)
            ? symbol
            : null;
    }
}
