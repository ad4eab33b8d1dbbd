using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Trading;

/// <summary>Net position in one symbol under average-cost accounting. <see cref="Quantity"/> is signed (short &lt; 0);
/// <see cref="RealizedPnl"/> is price-only, before fees (fees are in the cash, see <see cref="CashFlow"/>).</summary>
public sealed record Position(decimal Quantity, decimal AverageEntryPrice, decimal RealizedPnl)
{
    /// <summary>A weighted average is a division and rarely terminates; fixing its scale keeps it reproducible in any
    /// process and keeps every later product (realized PnL) exact in <c>decimal</c>.</summary>
    public const int AveragePriceDecimals = 10;

    public static readonly Position Flat = new(0m, 0m, 0m);

    public bool IsFlat => Quantity == 0m;

    /// <summary>The position after a fill, and what the fill did to it.</summary>
    public (Position Position, PositionChange Change) Apply(Side side, decimal price, decimal quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);

        var signedFill = side.Sign() * quantity;
        var next = Quantity + signedFill;

        if (IsFlat)
            return (this with { Quantity = next, AverageEntryPrice = price }, PositionChange.Opened);

        if (Math.Sign(signedFill) == Math.Sign(Quantity))
        {
            var average = (Math.Abs(Quantity) * AverageEntryPrice + quantity * price) / Math.Abs(next);
            return (this with { Quantity = next, AverageEntryPrice = RoundAverage(average) }, PositionChange.Increased);
        }

        var closed = Math.Min(quantity, Math.Abs(Quantity));
        var realized = RealizedPnl + (price - AverageEntryPrice) * closed * Math.Sign(Quantity);

        if (next == 0m)
            return (new Position(0m, 0m, realized), PositionChange.Closed);
        if (Math.Sign(next) == Math.Sign(Quantity))
            return (this with { Quantity = next, RealizedPnl = realized }, PositionChange.Reduced);
        return (new Position(next, price, realized), PositionChange.Flipped);
    }

    private static decimal RoundAverage(decimal average) =>
        Math.Round(average, AveragePriceDecimals, MidpointRounding.AwayFromZero);
}
