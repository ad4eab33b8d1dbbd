using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Actors.Consistency;

/// <summary>Finds the symbols of one run among the persistence ids a journal holds.</summary>
public static class JournalSymbols
{
    /// <summary>The symbols that have a trader or an exchange journal of <paramref name="run"/>
    /// (<see cref="JournalNames"/>), in ordinal order; journals of other runs and any other id (other persistent
    /// actors, sharding state, …) are ignored.</summary>
    public static IReadOnlyList<Symbol> In(IEnumerable<string> persistenceIds, RunId run) =>
        persistenceIds
            .Select(id => JournalNames.TryParse(id, out var idRun, out var symbol) && idRun == run ? symbol : (Symbol?)null)
            .OfType<Symbol>()
            .Distinct()
            .OrderBy(s => s.Value, StringComparer.Ordinal)
            .ToArray();
}
