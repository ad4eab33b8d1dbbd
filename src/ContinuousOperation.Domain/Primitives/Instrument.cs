namespace ContinuousOperation.Domain.Primitives;

/// <summary>Static trading rules of one symbol: prices sit on the tick grid, quantities on the lot grid.</summary>
public sealed record Instrument(Symbol Symbol, decimal TickSize, decimal LotSize, decimal InitialPrice)
{
    public decimal RoundToTick(decimal price) => Math.Round(price / TickSize, MidpointRounding.AwayFromZero) * TickSize;

    public decimal FloorToLot(decimal quantity) => Math.Floor(quantity / LotSize) * LotSize;
}
