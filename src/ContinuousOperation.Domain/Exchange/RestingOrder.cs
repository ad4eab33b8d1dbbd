namespace ContinuousOperation.Domain.Exchange;

/// <summary>An order waiting in a price level. Mutable on purpose: the matching loop decrements it in place.</summary>
internal sealed class RestingOrder(OrderKey key, decimal remaining)
{
    public OrderKey Key { get; } = key;

    public decimal Remaining { get; set; } = remaining;
}
