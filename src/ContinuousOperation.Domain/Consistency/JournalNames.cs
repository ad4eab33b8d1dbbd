using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Domain.Consistency;

/// <summary>
/// Persistence ids of the two journals of a symbol within one run: <c>{kind}-{symbol}@{run id}</c>. Symbols and run ids
/// both contain dashes but never <c>@</c>, so the last <c>@</c> splits an id unambiguously, and journals of different
/// runs in one database never mix. Violations name journal positions as <c>{id}#{sequenceNr}</c>.
/// </summary>
public static class JournalNames
{
    private const char RunSeparator = '@';
    private const string TraderKind = "trader-";
    private const string ExchangeKind = "exchange-";

    public static string Trader(RunId run, Symbol symbol) => $"{TraderKind}{symbol.Value}{RunSeparator}{run.Value}";

    public static string Exchange(RunId run, Symbol symbol) => $"{ExchangeKind}{symbol.Value}{RunSeparator}{run.Value}";

    public static string Position(string persistenceId, long sequenceNr) => $"{persistenceId}#{sequenceNr}";

    /// <summary>The run and symbol of a trader or exchange journal; false for any other persistence id (other
    /// persistent actors, sharding state, journals written before runs had ids).</summary>
    public static bool TryParse(string persistenceId, out RunId run, out Symbol symbol)
    {
        (run, symbol) = (default, default);
        var separator = persistenceId.LastIndexOf(RunSeparator);
        if (separator < 0 || !RunId.TryParse(persistenceId[(separator + 1)..], out var parsedRun)) return false;

        var entity = persistenceId[..separator];
        var kind = entity.StartsWith(TraderKind, StringComparison.Ordinal) ? TraderKind
            : entity.StartsWith(ExchangeKind, StringComparison.Ordinal) ? ExchangeKind
            : null;
        if (kind is null || entity.Length == kind.Length) return false;
        (run, symbol) = (parsedRun, new Symbol(entity[kind.Length..]));
        return true;
    }
}
