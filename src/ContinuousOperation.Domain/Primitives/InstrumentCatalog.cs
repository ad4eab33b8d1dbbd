namespace ContinuousOperation.Domain.Primitives;

/// <summary>The instruments a run can trade: ten real ones with realistic prices and grids, then as many generated
/// ones (<see cref="GeneratedInstruments"/>) as a run asks for. Any other <c>BASE-QUOTE</c> symbol gets a generic
/// instrument, so users can name their own.</summary>
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

    /// <summary>The most symbols one run may trade.</summary>
    public const int MaxCount = 1_000;

    /// <summary>The ten known symbols, then generated ones numbered on from 11: <c>SIM0011-USDT</c>, <c>SIM0012-USDT</c>, …</summary>
    public static IReadOnlyList<Instrument> First(int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxCount);
        return Enumerable.Range(1, count)
            .Select(number => number <= Known.Length ? Known[number - 1] : GeneratedInstruments.Numbered(number))
            .ToArray();
    }

    /// <summary>A known symbol's instrument, a generated name's own instrument (the same one <see cref="First"/> gives),
    /// or a generic one.</summary>
    public static Instrument For(Symbol symbol) =>
        Array.Find(Known, i => i.Symbol == symbol)
        ?? (GeneratedInstruments.NumberOf(symbol) is { } number ? GeneratedInstruments.Numbered(number) : Generic(symbol));

    /// <summary>A symbol is <c>BASE-QUOTE</c>, upper-case letters and digits.</summary>
    public static bool IsValidSymbol(string text)
    {
        var parts = text.Split('-');
        return parts.Length == 2 && parts.All(p => p.Length is > 0 and <= 12 && p.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)));
    }

    private static Instrument Generic(Symbol symbol) => new(symbol, TickSize: 0.01m, LotSize: 0.01m, InitialPrice: 100m);
}
