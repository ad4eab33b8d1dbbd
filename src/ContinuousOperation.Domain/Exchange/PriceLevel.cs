namespace ContinuousOperation.Domain.Exchange;

/// <summary>All orders at one price, in arrival order (time priority), with their summed quantity kept up to date.
/// Reused for another price once empty (see <see cref="BookSide"/>).</summary>
internal sealed class PriceLevel
{
    public decimal Price { get; private set; }

    public LinkedList<RestingOrder> Orders { get; } = new();

    public decimal Quantity { get; set; }

    public bool IsEmpty => Orders.First is null;

    public void Reset(decimal price)
    {
        Price = price;
        Quantity = 0m;
    }
}
