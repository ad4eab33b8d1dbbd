using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Cli.Parsing;

/// <summary>Parses <c>--symbols BTC-USDT,ETH-USDT</c> into instruments: upper-cased, each valid and named once.</summary>
internal static class SymbolListParser
{
    public static bool TryParse(string text, out IReadOnlyList<Instrument> instruments, out string error)
    {
        instruments = [];
        var names = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => n.ToUpperInvariant())
            .ToArray();

        error = names switch
        {
            [] => "--symbols needs at least one symbol, e.g. BTC-USDT,ETH-USDT",
            _ when names.FirstOrDefault(n => !InstrumentCatalog.IsValidSymbol(n)) is { } bad =>
                $"'{bad}' is not a symbol: expected BASE-QUOTE, letters and digits, e.g. BTC-USDT",
            _ when names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1) is { } twice => $"symbol '{twice.Key}' is listed twice",
            _ => string.Empty,
        };
        if (error.Length > 0) return false;

        instruments = names.Select(n => InstrumentCatalog.For(new Symbol(n))).ToArray();
        return true;
    }
}
