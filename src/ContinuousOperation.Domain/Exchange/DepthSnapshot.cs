using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Exchange;

/// <summary>Quantity resting at one price, summed over all orders there.</summary>
public readonly record struct DepthLevel(decimal Price, decimal Quantity);

/// <summary>The top of the book: bids best (highest) first, asks best (lowest) first.</summary>
public sealed record DepthSnapshot(Symbol Symbol, IReadOnlyList<DepthLevel> Bids, IReadOnlyList<DepthLevel> Asks, TimeSpan SimTime)
{
    public decimal? BestBid => Bids.Count > 0 ? Bids[0].Price : null;

    public decimal? BestAsk => Asks.Count > 0 ? Asks[0].Price : null;
}
