using System.Globalization;

namespace ContinuousOperation.Domain.Primitives;

/// <summary>
/// The catalogue's made-up instruments, for runs with more symbols than it knows. Names are <c>SIM</c> and a
/// four-digit number against USDT (<c>SIM0011-USDT</c> … <c>SIM1000-USDT</c>): no listed coin is named like that, and
/// the number alone fixes the instrument, so the same name means the same instrument in every run and every process.
/// Initial prices spread evenly on a log scale from 0.01 to 50,000 USDT (the range of the known ones and beyond)
/// along a low-discrepancy sequence, so any first N are spread too; they keep three significant digits. The grids
/// follow the price as the known ones do: a tick is four decimal orders of magnitude below the price (0.01 at 150)
/// and a lot is worth 1–10 USDT (0.0001 at 60,000, 10 at 0.12).
/// </summary>
public static class GeneratedInstruments
{
    private const string Prefix = "SIM";
    private const string Quote = "USDT";
    private const double LowestPrice = 0.01;
    private const double HighestPrice = 50_000;

    /// <summary>Generated numbers start after the known symbols.</summary>
    public const int FirstNumber = 11;

    /// <summary>The instrument numbered <paramref name="number"/> (<see cref="FirstNumber"/> to 9,999).</summary>
    public static Instrument Numbered(int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, FirstNumber);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 9_999);
        var symbol = new Symbol(string.Create(CultureInfo.InvariantCulture, $"{Prefix}{number:D4}-{Quote}"));
        var price = PriceFor(number);
        var magnitude = (int)Math.Floor(Math.Log10((double)price));
        return new Instrument(symbol, TickSize: PowerOfTen(magnitude - 4), LotSize: PowerOfTen(-magnitude), InitialPrice: price);
    }

    /// <summary>The number in a generated name, or null for any other symbol.</summary>
    public static int? NumberOf(Symbol symbol)
    {
        var text = symbol.Value;
        var digits = text.Length == Prefix.Length + 4 + 1 + Quote.Length
                     && text.StartsWith(Prefix, StringComparison.Ordinal)
                     && text.EndsWith("-" + Quote, StringComparison.Ordinal)
            ? text.AsSpan(Prefix.Length, 4)
            : [];
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= FirstNumber
            ? number
            : null;
    }

    /// <summary>The golden-ratio sequence spreads successive numbers evenly over [0, 1); that fraction is the price's
    /// place on the log scale.</summary>
    private static decimal PriceFor(int number)
    {
        var fraction = number * 0.6180339887498949 % 1.0;
        var price = LowestPrice * Math.Pow(HighestPrice / LowestPrice, fraction);
        var magnitude = (int)Math.Floor(Math.Log10(price));
        var step = PowerOfTen(magnitude - 2);
        return Math.Max(step, Math.Round((decimal)price / step, MidpointRounding.AwayFromZero) * step);
    }

    private static decimal PowerOfTen(int exponent) =>
        exponent >= 0 ? Pow(10m, exponent) : 1m / Pow(10m, -exponent);

    private static decimal Pow(decimal value, int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++) result *= value;
        return result;
    }
}
