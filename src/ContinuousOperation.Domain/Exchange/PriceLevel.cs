namespace ContinuousOperation.Domain.Exchange;

/// <summary>All orders at one price, in arrival order (time priority), with their summed quantity kept up to date.</summary>
internal sealed class PriceLevel(decimal price)
{
    public decimal Price { get; } = price;

    public LinkedList<RestingOrder> Orders { get; } = new();

    public decimal Quantity { get; set; }

    public bool IsEmpty => Orders.First is null;
}
