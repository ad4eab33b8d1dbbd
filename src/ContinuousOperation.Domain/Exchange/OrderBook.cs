using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Exchange;

/// <summary>
/// A limit order book with price-time priority. Each side keeps sorted price levels holding FIFO queues; an index by
/// (account, client order id) makes cancels O(1) within a level. Levels and order nodes are reused, so a book in its
/// steady state allocates nothing to rest, match or cancel. The book knows nothing about accounts' money, fees or
/// journals: it only matches and reports the executions it made.
/// </summary>
public sealed class OrderBook
{
    private readonly BookSide _bids = new(Side.Buy);
    private readonly BookSide _asks = new(Side.Sell);
    private readonly Dictionary<OrderKey, (BookSide Side, PriceLevel Level, LinkedListNode<RestingOrder> Node)> _index = new();
    /// <summary>Nodes of orders that have left the book, reused for the next ones (bounded by the most orders ever resting).
    /// The liquidity ladder is replaced every simulated second; fresh nodes living exactly one tick would be promoted out
    /// of the youngest GC generation at speed and die in an older one, which is what drives full collections.</summary>
    private readonly Stack<LinkedListNode<RestingOrder>> _spareNodes = new();

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
    public decimal Submit(OrderRequest order, List<Match> matches) =>
        order.Type == OrderType.Limit
            ? SubmitLimit(order.Key, order.Side,
                order.LimitPrice ?? throw new ArgumentException("A limit order needs a limit price.", nameof(order)),
                order.Quantity, matches)
            : Execute(order.Key, order.Side, limit: null, order.Quantity, matches);

    /// <summary><see cref="Submit"/> for a limit order given by its fields, so that the liquidity provider, which
    /// places dozens per simulated second, need not build an <see cref="OrderRequest"/> for each.</summary>
    internal decimal SubmitLimit(OrderKey key, Side side, decimal price, decimal quantity, List<Match> matches) =>
        Execute(key, side, price, quantity, matches);

    private decimal Execute(OrderKey key, Side side, decimal? limit, decimal quantity, List<Match> matches)
    {
        if (_index.ContainsKey(key)) throw new InvalidOperationException($"Order {key} is already in the book.");
        var opposite = SideOf(side.Opposite());
        var remaining = quantity;

        while (remaining > 0 && opposite.Best is { } level && (limit is not { } price || opposite.IsMarketableAgainst(level.Price, price)))
        {
            var makerNode = level.Orders.First!;
            var maker = makerNode.Value;
            var traded = Math.Min(remaining, maker.Remaining);
            maker.Remaining -= traded;
            level.Quantity -= traded;
            remaining -= traded;
            matches.Add(new Match(maker.Key, key, side, level.Price, traded));

            if (maker.Remaining == 0)
            {
                _index.Remove(maker.Key);
                Release(opposite, level, makerNode);
            }
        }

        if (limit is { } restAt && remaining > 0) Rest(key, side, restAt, remaining);
        return remaining;
    }

    /// <summary>Puts an order at the back of its price level without matching (used to rebuild a book that was not crossed).</summary>
    public void Rest(OrderKey key, Side side, decimal price, decimal quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        var bookSide = SideOf(side);
        var level = bookSide.GetOrAdd(price);
        var node = _spareNodes.TryPop(out var spare) ? spare : new LinkedListNode<RestingOrder>(new RestingOrder());
        node.Value.Key = key;
        node.Value.Remaining = quantity;
        level.Orders.AddLast(node);
        level.Quantity += quantity;
        _index.Add(key, (bookSide, level, node));
    }

    /// <summary>Removes a resting order.</summary>
    /// <returns>The quantity it still had, or null if it was not resting (unknown, filled or already cancelled).</returns>
    public decimal? Cancel(OrderKey key)
    {
        if (!_index.Remove(key, out var placement)) return null;
        var (bookSide, level, node) = placement;
        var remaining = node.Value.Remaining;
        level.Quantity -= remaining;
        Release(bookSide, level, node);
        return remaining;
    }

    /// <summary>Takes an order that has left the book out of its level, dropping the level if it is now empty, and keeps
    /// its node for the next order that rests.</summary>
    private void Release(BookSide bookSide, PriceLevel level, LinkedListNode<RestingOrder> node)
    {
        level.Orders.Remove(node);
        if (level.IsEmpty) bookSide.Remove(level);
        _spareNodes.Push(node);
    }

    private BookSide SideOf(Side side) => side == Side.Buy ? _bids : _asks;
}
