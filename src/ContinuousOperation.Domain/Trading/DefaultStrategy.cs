using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Trading;

/// <summary>
/// Trades both sides around the touch so positions open, grow, shrink, flip and close all the time: cancels orders
/// older than <see cref="StrategySettings.StaleOrderAge"/>; flattens (cancels everything, closes the position with a
/// market order) on take-profit, stop-loss or at random; otherwise places one order — mostly passive limits, sometimes
/// marketable — on a side biased toward flat. Worst-case exposure — the position if every live order on a side filled — never
/// exceeds the position limit.
/// </summary>
public sealed class DefaultStrategy : ITradingStrategy
{
    private readonly Instrument _instrument;
    private readonly StrategySettings _settings;
    private readonly decimal _positionLimit;

    public DefaultStrategy(Instrument instrument, StrategySettings settings)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.MinOrderLots);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MaxOrderLots, settings.MinOrderLots);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.PositionLimitLots, settings.MinOrderLots);
        _instrument = instrument;
        _settings = settings;
        _positionLimit = settings.PositionLimitLots * instrument.LotSize;
    }

    public IReadOnlyList<TradingIntent> Decide(MarketView view, TraderState state, Random rng)
    {
        if (!state.IsOpened)
            return [];

        var stale = state.LiveOrders.Where(o => view.SimTime - o.SubmittedAt >= _settings.StaleOrderAge).ToList();
        var intents = new List<TradingIntent>(stale.Select(o => new CancelOrderIntent(o.Id)));

        // A market order resolves within one round trip; acting before it lands would act on a stale position.
        if (state.LiveOrders.Any(o => o.Type == OrderType.Market))
            return intents;

        // Flatten: resting orders would rebuild the position being closed, so they go with it.
        if (ShouldClose(view, state.Position, rng))
        {
            intents.AddRange(state.LiveOrders.Except(stale).Select(o => new CancelOrderIntent(o.Id)));
            intents.Add(CloseWithMarketOrder(state.Position));
            return intents;
        }

        var resting = state.LiveOrders.Count - stale.Count;
        if (resting < _settings.MaxLiveOrders && state.LiveOrders.Count < _settings.MaxUnsettledOrders && view.HasTwoSidedQuote && rng.NextDouble() < _settings.PlaceProbability
            && NewOrder(view, state, rng) is { } order)
            intents.Add(order);
        return intents;
    }

    private bool ShouldClose(MarketView view, Position position, Random rng)
    {
        if (position.IsFlat)
            return false;
        var price = view.LastPrice > 0m ? view.LastPrice : (view.BestBid + view.BestAsk) / 2m;
        var gain = (double)((price - position.AverageEntryPrice) / position.AverageEntryPrice) * Math.Sign(position.Quantity);
        return gain >= _settings.TakeProfitFraction
            || gain <= -_settings.StopLossFraction
            || rng.NextDouble() < _settings.DiscretionaryCloseProbability;
    }

    private static PlaceOrderIntent CloseWithMarketOrder(Position position) =>
        new(position.Quantity > 0m ? Side.Sell : Side.Buy, OrderType.Market, LimitPrice: null, Math.Abs(position.Quantity));

    private PlaceOrderIntent? NewOrder(MarketView view, TraderState state, Random rng)
    {
        // The fuller the position, the likelier an order that reduces it: positions keep returning to flat.
        var fullness = Math.Clamp((double)(state.Position.Quantity / _positionLimit), -1d, 1d);
        var side = rng.NextDouble() < 0.5 - 0.4 * fullness ? Side.Buy : Side.Sell;

        var quantity = Math.Min(
            rng.Next(_settings.MinOrderLots, _settings.MaxOrderLots + 1) * _instrument.LotSize,
            _instrument.FloorToLot(Headroom(state, side)));
        if (quantity < _instrument.LotSize)
            return null;

        var roll = rng.NextDouble();
        if (roll < _settings.MarketOrderProbability)
            return new PlaceOrderIntent(side, OrderType.Market, LimitPrice: null, quantity);

        var price = roll < _settings.MarketOrderProbability + _settings.MarketableLimitProbability
            ? MarketablePrice(view, side)
            : PassivePrice(view, side, rng.Next(-1, _settings.MaxPassiveOffsetTicks + 1));
        return price > 0m ? new PlaceOrderIntent(side, OrderType.Limit, price, quantity) : null;
    }

    /// <summary>How much more can be bought (or sold) before the worst case breaks the limit.</summary>
    private decimal Headroom(TraderState state, Side side)
    {
        var pending = state.LiveOrders.Where(o => o.Side == side).Sum(o => o.Remaining);
        return _positionLimit - (side.Sign() * state.Position.Quantity + pending);
    }

    private decimal MarketablePrice(MarketView view, Side side) =>
        _instrument.RoundToTick(side == Side.Buy ? view.BestAsk : view.BestBid);

    /// <summary>Behind the own touch by <paramref name="offsetTicks"/> (−1 improves it by a tick), never crossing.</summary>
    private decimal PassivePrice(MarketView view, Side side, int offsetTicks)
    {
        var tick = _instrument.TickSize;
        var bid = _instrument.RoundToTick(view.BestBid);
        var ask = _instrument.RoundToTick(view.BestAsk);
        return side == Side.Buy
            ? Math.Min(bid - offsetTicks * tick, ask - tick)
            : Math.Max(ask + offsetTicks * tick, bid + tick);
    }
}
