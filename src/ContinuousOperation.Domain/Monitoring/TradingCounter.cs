namespace ContinuousOperation.Domain.Monitoring;

/// <summary>Business counters reported by the traders; the first seven are the seed report's keys.</summary>
public enum TradingCounter
{
    OrdersPlaced,
    OrdersFilled,
    OrdersCancelled,
    PositionsOpened,
    PositionsClosed,
    WebsocketReconnects,
    OrdersRejected,
    FillsApplied,
    StreamResyncs,
    MarketDataRequests,
}
