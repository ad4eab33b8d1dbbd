namespace ContinuousOperation.Domain.Primitives;

/// <summary>The instruments a run can trade. Known symbols get realistic prices and grids; any other
/// <c>BASE-QUOTE</c> symbol gets a generic one, so users can name their own.</summary>
public static class InstrumentCatalog
{
    private static readonly Instrument[] Known =
    [
        new(new Symbol("BTC-USDT"), TickSize: 0.1m, LotSize: 0.0001m, InitialPrice: 60_000m),
        new(new Symbol("ETH-USDT"), TickSize: 0.01m, LotSize: 0.001m, InitialPrice: 3_000m),
        new(new Symbol("SOL-USDT"), TickSize: 0.01m, LotSize: 0.01m, InitialPrice: 150m),
        new(new Symbol("BNB-USDT"), TickSize: 0.01m, LotSize: 0.01m, InitialPrice: 550m),
        new(new Symbol("XRP-USDT"), TickSize: 0.0001m, LotSize: 1m, InitialPrice: 0.6m),
        new(new Symbol("ADA-USDT"), TickSize: 0.0001m, LotSize: 1m, InitialPrice: 0.45m),
        new(new Symbol("DOGE-USDT"), TickSize: 0.00001m, LotSize: 10m, InitialPrice: 0.12m),
        new(new Symbol("AVAX-USDT"), TickSize: 0.01m, LotSize: 0.1m, InitialPrice: 35m),
        new(new Symbol("DOT-USDT"), TickSize: 0.001m, LotSize: 0.1m, InitialPrice: 7m),
        new(new Symbol("LINK-USDT"), TickSize: 0.001m, LotSize: 0.1m, InitialPrice: 15m),
    ];

    /// <summary>The first <paramref name="count"/> known symbols, then <c>SYM11-USDT</c>, <c>SYM12-USDT</c>, …</summary>
    public static IReadOnlyList<Instrument> First(int count) =>
        Enumerable.Range(0, count)
            .Select(i => i < Known.Length ? Known[i] : Generic(new Symbol($"SYM{i + 1}-USDT")))
            .ToArray();

    public static Instrument For(Symbol symbol) =>
        Array.Find(Known, i => i.Symbol == symbol) ?? Generic(symbol);

    /// <summary>A symbol is <c>BASE-QUOTE</c>, upper-case letters and digits.</summary>
    public static bool IsValidSymbol(string text)
    {
        var parts = text.Split('-');
        return parts.Length == 2 && parts.All(p => p.Length is > 0 and <= 12 && p.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)));
    }

    private static Instrument Generic(Symbol symbol) => new(symbol, TickSize: 0.01m, LotSize: 0.01m, InitialPrice: 100m);
}
