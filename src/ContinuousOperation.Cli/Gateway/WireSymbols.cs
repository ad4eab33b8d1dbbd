using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Cli.Gateway;

/// <summary>The symbols the gateway serves, in both spellings: the project's <c>BTC-USDT</c> and the wire's
/// <c>BTCUSDT</c> (Binance spot writes a pair without a separator, and accepts any letter case in requests).</summary>
internal sealed class WireSymbols
{
    private readonly Dictionary<string, Symbol> _byWireName;

    public WireSymbols(IEnumerable<Symbol> symbols) =>
        _byWireName = symbols.ToDictionary(ToWire, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<Symbol> All => _byWireName.Values;

    public static string ToWire(Symbol symbol) => symbol.Value.Replace("-", "", StringComparison.Ordinal);

    /// <summary>False for a name no served symbol has (including null and empty).</summary>
    public bool TryParse(string? wireName, out Symbol symbol)
    {
        symbol = default;
        return wireName is not null && _byWireName.TryGetValue(wireName, out symbol);
    }
}
