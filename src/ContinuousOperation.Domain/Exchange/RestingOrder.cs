namespace ContinuousOperation.Domain.Exchange;

/// <summary>An order waiting in a price level: a slot of <see cref="BookSide"/>'s order array, linked to the orders
/// before and after it at the same price (time priority) by slot number, -1 at either end. The key is carried for the
/// executions the book reports; the book never compares or hashes it on the way through a level.</summary>
internal struct RestingOrder
{
    public OrderKey Key;
    public long Lots;
    public int Level;
    public int Previous;
    public int Next;
}
