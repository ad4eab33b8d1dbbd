using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Exchange;

/// <summary>
/// The price levels of one side, sorted best first: descending prices for bids, ascending for asks. A side holds a few
/// dozen levels (the liquidity ladder plus paper-trader orders), so a sorted list searched by halving beats a tree,
/// and it allocates nothing per level. Emptied levels are kept for reuse: the liquidity provider replaces its whole
/// ladder every simulated second, and new level objects that live exactly until the next tick would be promoted out of
/// the youngest GC generation at speed, only to die there (the spare levels are bounded by the most levels ever held).
/// </summary>
internal sealed class BookSide(Side side)
{
    private readonly List<PriceLevel> _levels = [];
    private readonly Stack<PriceLevel> _spare = new();

    public Side Side { get; } = side;

    public PriceLevel? Best => _levels.Count == 0 ? null : _levels[0];

    /// <summary>Whether an incoming order of the opposite side at <paramref name="limit"/> may trade with <paramref name="restingPrice"/>.</summary>
    public bool IsMarketableAgainst(decimal restingPrice, decimal limit) =>
        Side == Side.Buy ? restingPrice >= limit : restingPrice <= limit;

    public PriceLevel GetOrAdd(decimal price)
    {
        var index = IndexOf(price);
        if (index >= 0) return _levels[index];

        var level = _spare.TryPop(out var spare) ? spare : new PriceLevel();
        level.Reset(price);
        _levels.Insert(~index, level);
        return level;
    }

    /// <summary>Removes an empty level; it may come back at another price.</summary>
    public void Remove(PriceLevel level)
    {
        _levels.RemoveAt(IndexOf(level.Price));
        _spare.Push(level);
    }

    public IReadOnlyList<DepthLevel> Top(int count)
    {
        var top = new DepthLevel[Math.Min(count, _levels.Count)];
        for (var i = 0; i < top.Length; i++) top[i] = new DepthLevel(_levels[i].Price, _levels[i].Quantity);
        return top;
    }

    /// <summary>The level's index, or the bitwise complement of where it would go (as <see cref="List{T}.BinarySearch(T)"/>).</summary>
    private int IndexOf(decimal price)
    {
        int low = 0, high = _levels.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var order = IsBetter(_levels[middle].Price, price) ? 1 : _levels[middle].Price == price ? 0 : -1;
            if (order == 0) return middle;
            if (order > 0) low = middle + 1;
            else high = middle - 1;
        }

        return ~low;
    }

    private bool IsBetter(decimal price, decimal than) => Side == Side.Buy ? price > than : price < than;
}
