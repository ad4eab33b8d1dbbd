using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Exchange;

/// <summary>An order sent to the venue. <see cref="LimitPrice"/> is required for limit orders and ignored for market orders.</summary>
public sealed record OrderRequest(
    AccountId Account, ClientOrderId ClientOrderId, Side Side, OrderType Type, decimal? LimitPrice, decimal Quantity)
{
    public OrderKey Key => new(Account, ClientOrderId);
}
