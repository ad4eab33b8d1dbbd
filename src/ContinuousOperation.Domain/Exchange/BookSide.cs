using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Exchange;

/// <summary>
/// One side of the book in integers: price levels in ticks, quantities in lots, orders and levels as slots of two
/// struct arrays linked by slot number, so resting, matching and cancelling touch no object and no string. The live
/// levels are kept sorted worst first, best last: the market takes from the best end and most orders arrive near it,
/// so the array is usually shifted by a few entries at most. A side holds a few dozen levels (the liquidity ladder
/// plus paper-trader orders). Freed slots are reused, so the arrays grow to the most orders and levels ever held and
/// the book allocates nothing in its steady state (the liquidity ladder is replaced every simulated second; objects
/// living one tick each would be promoted out of the youngest GC generation at speed and die in an older one).
/// </summary>
internal sealed class BookSide(Side side)
{
    private const int None = -1;

    private RestingOrder[] _orders = new RestingOrder[64];
    private int _ordersUsed;
    private int _freeOrder = None;

    private PriceLevel[] _levels = new PriceLevel[32];
    private int _levelsUsed;
    private int _freeLevel = None;

    // Live levels: slot numbers and their rank (see Rank), ascending by rank, so the best level is the last one.
    private int[] _byRank = new int[32];
    private long[] _ranks = new long[32];
    private int _liveLevels;

    public Side Side { get; } = side;

    public bool IsEmpty => _liveLevels == 0;

    /// <summary>The best level's price in ticks; only when not <see cref="IsEmpty"/>.</summary>
    public long BestTicks => _levels[BestLevel].Ticks;

    /// <summary>Lots resting at the best price, 0 when the side is empty.</summary>
    public long BestLots => IsEmpty ? 0 : _levels[BestLevel].Lots;

    /// <summary>The slot of the oldest order at the best price (first in time priority); only when not <see cref="IsEmpty"/>.</summary>
    public int OldestAtBest => _levels[BestLevel].Oldest;

    private int BestLevel => _byRank[_liveLevels - 1];

    /// <summary>Whether an incoming order of the opposite side with limit <paramref name="limitTicks"/> may trade with
    /// an order resting here at <paramref name="restingTicks"/>.</summary>
    public bool IsMarketableAgainst(long restingTicks, long limitTicks) => Rank(restingTicks) >= Rank(limitTicks);

    public ref RestingOrder Order(int slot) => ref _orders[slot];

    /// <summary>Takes an order slot for <paramref name="key"/> before the order is known to rest, so the book can index
    /// it once; <see cref="Enqueue"/> it or give it back with <see cref="Free"/>.</summary>
    public int Reserve(OrderKey key)
    {
        int slot;
        if (_freeOrder != None)
        {
            slot = _freeOrder;
            _freeOrder = _orders[slot].Next;
        }
        else
        {
            if (_ordersUsed == _orders.Length) Array.Resize(ref _orders, _orders.Length * 2);
            slot = _ordersUsed++;
        }

        _orders[slot] = new RestingOrder { Key = key, Level = None, Previous = None, Next = None };
        return slot;
    }

    /// <summary>Puts a reserved order at the back of the level at <paramref name="ticks"/> (time priority).</summary>
    public void Enqueue(int slot, long ticks, long lots)
    {
        var levelSlot = LevelAt(ticks);
        ref var level = ref _levels[levelSlot];
        ref var order = ref _orders[slot];
        order.Lots = lots;
        order.Level = levelSlot;
        order.Previous = level.Newest;
        if (level.Newest == None) level.Oldest = slot;
        else _orders[level.Newest].Next = slot;
        level.Newest = slot;
        level.Lots += lots;
    }

    /// <summary>Takes <paramref name="lots"/> from a resting order that keeps some.</summary>
    public void Reduce(int slot, long lots)
    {
        ref var order = ref _orders[slot];
        order.Lots -= lots;
        _levels[order.Level].Lots -= lots;
    }

    /// <summary>Takes a resting order out of its level, dropping the level once empty, and frees its slot.</summary>
    /// <returns>The lots it still had.</returns>
    public long Remove(int slot)
    {
        ref var order = ref _orders[slot];
        ref var level = ref _levels[order.Level];
        level.Lots -= order.Lots;
        if (order.Previous == None) level.Oldest = order.Next;
        else _orders[order.Previous].Next = order.Next;
        if (order.Next == None) level.Newest = order.Previous;
        else _orders[order.Next].Previous = order.Previous;
        if (level.Oldest == None) DropLevel(order.Level);

        var lots = order.Lots;
        Free(slot);
        return lots;
    }

    /// <summary>Gives back a slot that is not (or no longer) in a level.</summary>
    public void Free(int slot)
    {
        _orders[slot] = new RestingOrder { Next = _freeOrder };
        _freeOrder = slot;
    }

    /// <summary>The best <paramref name="count"/> levels, best first.</summary>
    public IReadOnlyList<DepthLevel> Top(int count, UnitGrid ticks, UnitGrid lots)
    {
        var top = new DepthLevel[Math.Min(count, _liveLevels)];
        for (var i = 0; i < top.Length; i++)
        {
            ref var level = ref _levels[_byRank[_liveLevels - 1 - i]];
            top[i] = new DepthLevel(ticks.ToDecimal(level.Ticks), lots.ToDecimal(level.Lots));
        }

        return top;
    }

    /// <summary>Higher is better on either side: the price for bids, its negation for asks.</summary>
    private long Rank(long ticks) => Side == Side.Buy ? ticks : -ticks;

    /// <summary>The level at <paramref name="ticks"/>, opened if there is none; searched from the best end.</summary>
    private int LevelAt(long ticks)
    {
        var rank = Rank(ticks);
        var position = _liveLevels;
        while (position > 0 && _ranks[position - 1] > rank) position--;
        if (position > 0 && _ranks[position - 1] == rank) return _byRank[position - 1];

        var slot = NewLevel(ticks);
        if (_liveLevels == _byRank.Length)
        {
            Array.Resize(ref _byRank, _byRank.Length * 2);
            Array.Resize(ref _ranks, _ranks.Length * 2);
        }

        Array.Copy(_byRank, position, _byRank, position + 1, _liveLevels - position);
        Array.Copy(_ranks, position, _ranks, position + 1, _liveLevels - position);
        _byRank[position] = slot;
        _ranks[position] = rank;
        _liveLevels++;
        return slot;
    }

    private int NewLevel(long ticks)
    {
        int slot;
        if (_freeLevel != None)
        {
            slot = _freeLevel;
            _freeLevel = _levels[slot].Oldest;
        }
        else
        {
            if (_levelsUsed == _levels.Length) Array.Resize(ref _levels, _levels.Length * 2);
            slot = _levelsUsed++;
        }

        _levels[slot] = new PriceLevel { Ticks = ticks, Oldest = None, Newest = None };
        return slot;
    }

    private void DropLevel(int slot)
    {
        var rank = Rank(_levels[slot].Ticks);
        var position = _liveLevels - 1;
        while (_ranks[position] != rank) position--;
        Array.Copy(_byRank, position + 1, _byRank, position, _liveLevels - position - 1);
        Array.Copy(_ranks, position + 1, _ranks, position, _liveLevels - position - 1);
        _liveLevels--;

        _levels[slot] = new PriceLevel { Oldest = _freeLevel };
        _freeLevel = slot;
    }
}
