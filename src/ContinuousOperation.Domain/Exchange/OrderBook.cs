using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Exchange;

/// <summary>
/// A limit order book with price-time priority. Each side keeps sorted price levels holding FIFO queues; an index by
/// (account, client order id) makes cancels O(1) within a level. The book knows nothing about accounts' money, fees or
/// journals: it only matches and reports the executions it made.
/// </summary>
public sealed class OrderBook
{
    private readonly BookSide _bids = new(Side.Buy);
    private readonly BookSide _asks = new(Side.Sell);
    private readonly Dictionary<OrderKey, (BookSide Side, PriceLevel Level, LinkedListNode<RestingOrder> Node)> _index = new();

    public decimal? BestBid => _bids.Best?.Price;

    public decimal? BestAsk => _asks.Best?.Price;

    /// <summary>Summed quantity at the best price of <paramref name="side"/>, 0 when that side is empty.</summary>
    public decimal TopQuantity(Side side) => SideOf(side).Best?.Quantity ?? 0m;

    public IReadOnlyList<DepthLevel> Depth(Side side, int levels) => SideOf(side).Top(levels);

    /// <summary>Whether a limit order of <paramref name="side"/> at <paramref name="price"/> would trade on arrival.</summary>
    public bool WouldCross(Side side, decimal price)
    {
        var opposite = SideOf(side.Opposite());
        return opposite.Best is { } best && opposite.IsMarketableAgainst(best.Price, price);
    }

    /// <summary>
    /// Matches <paramref name="order"/> against the opposite side, best price first and oldest order first within a price,
    /// appending one <see cref="Match"/> per execution. A limit order stops at its limit and rests what is left; a market
    /// order walks levels until filled or the side is empty, and its rest is dropped.
    /// </summary>
    /// <returns>The quantity that did not trade on arrival.</returns>
    public decimal Submit(OrderRequest order, List<Match> matches)
    {
        if (_index.ContainsKey(order.Key)) throw new InvalidOperationException($"Order {order.Key} is already in the book.");
        var isLimit = order.Type == OrderType.Limit;
        var limit = isLimit
            ? order.LimitPrice ?? throw new ArgumentException("A limit order needs a limit price.", nameof(order))
            : 0m;
        var opposite = SideOf(order.Side.Opposite());
        var remaining = order.Quantity;

        while (remaining > 0 && opposite.Best is { } level && (!isLimit || opposite.IsMarketableAgainst(level.Price, limit)))
        {
            var maker = level.Orders.First!.Value;
            var quantity = Math.Min(remaining, maker.Remaining);
            maker.Remaining -= quantity;
            level.Quantity -= quantity;
            remaining -= quantity;
            matches.Add(new Match(maker.Key, order.Key, order.Side, level.Price, quantity));

            if (maker.Remaining == 0)
            {
                level.Orders.RemoveFirst();
                _index.Remove(maker.Key);
                if (level.IsEmpty) opposite.Remove(level);
            }
        }

        if (isLimit && remaining > 0) Rest(order.Key, order.Side, limit, remaining);
        return remaining;
    }

    /// <summary>Puts an order at the back of its price level without matching (used to rebuild a book that was not crossed).</summary>
    public void Rest(OrderKey key, Side side, decimal price, decimal quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        var bookSide = SideOf(side);
        var level = bookSide.GetOrAdd(price);
        var node = level.Orders.AddLast(new RestingOrder(key, quantity));
        level.Quantity += quantity;
        _index.Add(key, (bookSide, level, node));
    }

    /// <summary>Removes a resting order.</summary>
    /// <returns>The quantity it still had, or null if it was not resting (unknown, filled or already cancelled).</returns>
    public decimal? Cancel(OrderKey key)
    {
        if (!_index.Remove(key, out var placement)) return null;
        var (bookSide, level, node) = placement;
        level.Orders.Remove(node);
        level.Quantity -= node.Value.Remaining;
        if (level.IsEmpty) bookSide.Remove(level);
        return node.Value.Remaining;
    }

    private BookSide SideOf(Side side) => side == Side.Buy ? _bids : _asks;
}
