namespace ContinuousOperation.Domain.Exchange;

/// <summary>All orders at one price, as a FIFO chain of <see cref="RestingOrder"/> slots (oldest first), with their
/// summed lots kept up to date. A slot of <see cref="BookSide"/>'s level array, reused for another price once empty.</summary>
internal struct PriceLevel
{
    public long Ticks;
    public long Lots;
    public int Oldest;
    public int Newest;
}
