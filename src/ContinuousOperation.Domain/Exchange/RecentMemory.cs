namespace ContinuousOperation.Domain.Exchange;

/// <summary>A dictionary that forgets its oldest entries beyond <see cref="Capacity"/>, so a 24-hour run stays bounded.</summary>
internal sealed class RecentMemory<TKey, TValue>(int capacity) where TKey : notnull
{
    private readonly Dictionary<TKey, TValue> _entries = new();
    private readonly Queue<TKey> _arrivalOrder = new();

    public int Capacity { get; } = capacity;

    /// <summary>The remembered entries, oldest first: adding them in this order to an empty memory rebuilds this one.</summary>
    public IEnumerable<KeyValuePair<TKey, TValue>> OldestFirst() =>
        _arrivalOrder.Select(key => KeyValuePair.Create(key, _entries[key]));

    public bool TryGetValue(TKey key, out TValue value) => _entries.TryGetValue(key, out value!);

    public void Add(TKey key, TValue value)
    {
        if (!_entries.TryAdd(key, value)) return;
        _arrivalOrder.Enqueue(key);
        if (_arrivalOrder.Count > Capacity) _entries.Remove(_arrivalOrder.Dequeue());
    }
}
