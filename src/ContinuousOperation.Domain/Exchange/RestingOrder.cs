namespace ContinuousOperation.Domain.Exchange;

/// <summary>An order waiting in a price level. Mutable on purpose: the matching loop decrements it in place, and the
/// book reuses it, with its list node, for a later order once this one has left (see <see cref="OrderBook"/>).</summary>
internal sealed class RestingOrder
{
    public OrderKey Key { get; set; }

    public decimal Remaining { get; set; }
}
