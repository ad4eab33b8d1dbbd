using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Exchange;

/// <summary>
/// A limit order book with price-time priority, for one instrument. Its public face is in <c>decimal</c> and
/// <see cref="OrderKey"/>s, as the venue's events are; inside it counts prices in ticks and quantities in lots
/// (<see cref="UnitGrid"/>) and knows an order by its slot in a <see cref="BookSide"/>. The key is looked up once when
/// an order arrives and once when it leaves (the index that makes cancels by key O(1) and refuses a key already in
/// the book); walking a level, matching and re-sorting levels compare integers only. The book knows nothing about
/// accounts' money, fees or journals: it only matches and reports the executions it made.
/// </summary>
public sealed class OrderBook(Instrument instrument)
{
    private readonly UnitGrid _ticks = new(instrument.TickSize);
    private readonly UnitGrid _lots = new(instrument.LotSize);
    private readonly BookSide _bids = new(Side.Buy);
    private readonly BookSide _asks = new(Side.Sell);
    private readonly Dictionary<OrderKey, (Side Side, int Slot)> _index = new(ByClientOrderId.Instance);

    public decimal? BestBid => _bids.IsEmpty ? null : _ticks.ToDecimal(_bids.BestTicks);

    public decimal? BestAsk => _asks.IsEmpty ? null : _ticks.ToDecimal(_asks.BestTicks);

    /// <summary>Summed quantity at the best price of <paramref name="side"/>, 0 when that side is empty.</summary>
    public decimal TopQuantity(Side side) => _lots.ToDecimal(SideOf(side).BestLots);

    public IReadOnlyList<DepthLevel> Depth(Side side, int levels) => SideOf(side).Top(levels, _ticks, _lots);

    /// <summary>Whether a limit order of <paramref name="side"/> at <paramref name="price"/> would trade on arrival.</summary>
    public bool WouldCross(Side side, decimal price)
    {
        var opposite = SideOf(side.Opposite());
        return !opposite.IsEmpty && opposite.IsMarketableAgainst(opposite.BestTicks, _ticks.ToUnits(price));
    }

    /// <summary>
    /// Matches <paramref name="order"/> against the opposite side, best price first and oldest order first within a price,
    /// appending one <see cref="Match"/> per execution. A limit order stops at its limit and rests what is left; a market
    /// order walks levels until filled or the side is empty, and its rest is dropped. Prices must lie on the
    /// instrument's tick grid and quantities on its lot grid (<see cref="OrderValidation"/> admits no other).
    /// </summary>
    /// <returns>The quantity that did not trade on arrival.</returns>
    public decimal Submit(OrderRequest order, List<Match> matches) =>
        order.Type == OrderType.Limit
            ? SubmitLimit(order.Key, order.Side,
                order.LimitPrice ?? throw new ArgumentException("A limit order needs a limit price.", nameof(order)),
                order.Quantity, matches)
            : SubmitMarket(order.Key, order.Side, order.Quantity, matches);

    /// <summary><see cref="Submit"/> for a limit order given by its fields, so that the liquidity provider, which
    /// places dozens per simulated second, need not build an <see cref="OrderRequest"/> for each.</summary>
    internal decimal SubmitLimit(OrderKey key, Side side, decimal price, decimal quantity, List<Match> matches)
    {
        var ticks = _ticks.ToUnits(price);
        var lots = PositiveLots(quantity);
        var own = SideOf(side);
        var slot = Admit(key, own);
        var remaining = Execute(key, side, hasLimit: true, ticks, lots, matches);
        if (remaining > 0)
        {
            own.Enqueue(slot, ticks, remaining);
        }
        else
        {
            _index.Remove(key);
            own.Free(slot);
        }

        return _lots.ToDecimal(remaining);
    }

    /// <summary>Puts an order at the back of its price level without matching (used to rebuild a book that was not crossed).</summary>
    public void Rest(OrderKey key, Side side, decimal price, decimal quantity)
    {
        var ticks = _ticks.ToUnits(price);
        var lots = PositiveLots(quantity);
        var own = SideOf(side);
        own.Enqueue(Admit(key, own), ticks, lots);
    }

    /// <summary>Removes a resting order.</summary>
    /// <returns>The quantity it still had, or null if it was not resting (unknown, filled or already cancelled).</returns>
    public decimal? Cancel(OrderKey key)
    {
        if (!_index.Remove(key, out var placement)) return null;
        return _lots.ToDecimal(SideOf(placement.Side).Remove(placement.Slot));
    }

    private decimal SubmitMarket(OrderKey key, Side side, decimal quantity, List<Match> matches)
    {
        var lots = PositiveLots(quantity);
        // A market order never rests, but a key already resting must not trade a second time under the same name.
        if (_index.ContainsKey(key)) throw AlreadyInBook(key);
        return _lots.ToDecimal(Execute(key, side, hasLimit: false, limitTicks: 0, lots, matches));
    }

    /// <summary>Indexes <paramref name="key"/> under a new slot of <paramref name="own"/>, refusing a key already in the book.</summary>
    private int Admit(OrderKey key, BookSide own)
    {
        var slot = own.Reserve(key);
        if (_index.TryAdd(key, (own.Side, slot))) return slot;
        own.Free(slot);
        throw AlreadyInBook(key);
    }

    /// <returns>The lots that did not trade.</returns>
    private long Execute(OrderKey taker, Side side, bool hasLimit, long limitTicks, long lots, List<Match> matches)
    {
        var opposite = SideOf(side.Opposite());
        var remaining = lots;
        while (remaining > 0 && !opposite.IsEmpty)
        {
            var ticks = opposite.BestTicks;
            if (hasLimit && !opposite.IsMarketableAgainst(ticks, limitTicks)) break;

            var makerSlot = opposite.OldestAtBest;
            ref var maker = ref opposite.Order(makerSlot);
            var traded = Math.Min(remaining, maker.Lots);
            remaining -= traded;
            matches.Add(new Match(maker.Key, taker, side, _ticks.ToDecimal(ticks), _lots.ToDecimal(traded)));

            if (traded < maker.Lots)
            {
                opposite.Reduce(makerSlot, traded);
            }
            else
            {
                _index.Remove(maker.Key);
                opposite.Remove(makerSlot);
            }
        }

        return remaining;
    }

    private long PositiveLots(decimal quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        return _lots.ToUnits(quantity);
    }

    private static InvalidOperationException AlreadyInBook(OrderKey key) => new($"Order {key} is already in the book.");

    private BookSide SideOf(Side side) => side == Side.Buy ? _bids : _asks;

    /// <summary>Keys hashed by their client order id alone: ids are unique per account and a venue sees a handful of
    /// accounts with their own id prefixes, so keys rarely share a hash, and equality still compares both parts. It
    /// halves the string hashing the record's own comparer does on every order arriving and leaving.</summary>
    private sealed class ByClientOrderId : IEqualityComparer<OrderKey>
    {
        public static readonly ByClientOrderId Instance = new();

        public bool Equals(OrderKey x, OrderKey y) =>
            string.Equals(x.ClientOrderId.Value, y.ClientOrderId.Value) && string.Equals(x.Account.Value, y.Account.Value);

        public int GetHashCode(OrderKey key) => key.ClientOrderId.Value?.GetHashCode() ?? 0;
    }
}
