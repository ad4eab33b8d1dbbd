using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Domain.Monitoring;

/// <summary>Which trading counters a live trader event moves. <paramref name="before"/> is the state the event was
/// applied to (an order counts as filled when the fill completes it).</summary>
public static class TraderEventCounters
{
    public static IEnumerable<TradingCounter> For(ITraderEvent e, TraderState before)
    {
        switch (e)
        {
            case OrderSubmitted:
                yield return TradingCounter.OrdersPlaced;
                break;
            case OrderCancelled:
                yield return TradingCounter.OrdersCancelled;
                break;
            case OrderRejected:
                yield return TradingCounter.OrdersRejected;
                break;
            case FillApplied fill:
                yield return TradingCounter.FillsApplied;
                if (before.Find(fill.ClientOrderId) is { } order && order.Filled + fill.Quantity == order.Quantity)
                    yield return TradingCounter.OrdersFilled;
                break;
            case PositionChanged { Change: PositionChange.Opened }:
                yield return TradingCounter.PositionsOpened;
                break;
            case PositionChanged { Change: PositionChange.Closed }:
                yield return TradingCounter.PositionsClosed;
                break;
            case PositionChanged { Change: PositionChange.Flipped }:
                yield return TradingCounter.PositionsClosed;
                yield return TradingCounter.PositionsOpened;
                break;
        }
    }
}
