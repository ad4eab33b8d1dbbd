using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Trading;

/// <summary>A live order as the trader sees it.</summary>
public sealed record TrackedOrder(
    ClientOrderId Id, Side Side, OrderType Type, decimal? LimitPrice, decimal Quantity, decimal Filled,
    OrderStatus Status, TimeSpan SubmittedAt)
{
    public decimal Remaining => Quantity - Filled;
}
