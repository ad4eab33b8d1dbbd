using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Exchange;

public enum ExchangeOrderState
{
    Live,
    Filled,
    Cancelled,
}

/// <summary>The venue's view of one paper-trader order, used to answer a repeated request idempotently.</summary>
public sealed record ExchangeOrderStatus(
    ClientOrderId ClientOrderId, Side Side, OrderType Type, decimal? LimitPrice, decimal Quantity, decimal Filled,
    ExchangeOrderState State)
{
    public decimal Remaining => Quantity - Filled;
}
