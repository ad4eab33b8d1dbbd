using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Exchange;

/// <summary>The price levels of one side, sorted best first: descending prices for bids, ascending for asks.</summary>
internal sealed class BookSide
{
    private static readonly IComparer<decimal> Descending = Comparer<decimal>.Create((a, b) => b.CompareTo(a));

    private readonly SortedSet<decimal> _prices;
    private readonly Dictionary<decimal, PriceLevel> _levels = new();

    public BookSide(Side side)
    {
        Side = side;
        _prices = new SortedSet<decimal>(side == Side.Buy ? Descending : Comparer<decimal>.Default);
    }

    public Side Side { get; }

    public PriceLevel? Best => _prices.Count == 0 ? null : _levels[_prices.Min];

    /// <summary>Whether an incoming order of the opposite side at <paramref name="limit"/> may trade with <paramref name="restingPrice"/>.</summary>
    public bool IsMarketableAgainst(decimal restingPrice, decimal limit) =>
        Side == Side.Buy ? restingPrice >= limit : restingPrice <= limit;

    public PriceLevel GetOrAdd(decimal price)
    {
        if (_levels.TryGetValue(price, out var level)) return level;
        level = new PriceLevel(price);
        _levels.Add(price, level);
        _prices.Add(price);
        return level;
    }

    public void Remove(PriceLevel level)
    {
        _levels.Remove(level.Price);
        _prices.Remove(level.Price);
    }

    public IReadOnlyList<DepthLevel> Top(int count)
    {
        var top = new List<DepthLevel>(Math.Min(count, _levels.Count));
        foreach (var price in _prices)
        {
            if (top.Count == count) break;
            top.Add(new DepthLevel(price, _levels[price].Quantity));
        }

        return top;
    }
}
