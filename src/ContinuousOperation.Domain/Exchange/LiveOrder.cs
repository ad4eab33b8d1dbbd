using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Exchange;

/// <summary>A paper-trader limit order resting in the book.</summary>
public sealed record LiveOrder(ClientOrderId ClientOrderId, Side Side, decimal Price, decimal Quantity, decimal Filled)
{
    public decimal Remaining => Quantity - Filled;
}
