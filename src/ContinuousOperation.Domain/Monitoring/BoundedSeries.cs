namespace ContinuousOperation.Domain.Monitoring;

/// <summary>
/// A time series that never holds more than <see cref="Capacity"/> items. When full, every second item of the older
/// half is dropped: recent history keeps full resolution and older history thins out gradually, so a 48 h run sampled
/// every 2 s still fits in a fixed amount of memory. Dropping (rather than averaging) keeps every item a real reading,
/// so trend fits over the series stay unbiased.
/// </summary>
public sealed class BoundedSeries<T>
{
    private readonly List<T> items;

    public BoundedSeries(int capacity)
    {
        // Below four, thinning the older half could not free a slot.
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 4);
        Capacity = capacity;
        items = new List<T>(capacity);
    }

    public int Capacity { get; }

    public int Count => items.Count;

    public void Add(T item)
    {
        if (items.Count == Capacity)
        {
            ThinOlderHalf();
        }

        items.Add(item);
    }

    public IReadOnlyList<T> ToList() => items.ToArray();

    private void ThinOlderHalf()
    {
        var olderHalf = items.Count / 2;
        var kept = 0;
        for (var i = 0; i < olderHalf; i += 2)
        {
            items[kept++] = items[i];
        }

        items.RemoveRange(kept, olderHalf - kept);
    }
}
