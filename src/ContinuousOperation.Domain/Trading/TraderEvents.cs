using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Trading;

/// <summary>Trader-side journal (<c>trader-{symbol}</c>). Order events are tagged <c>orders</c>, position events <c>positions</c>.</summary>
public interface ITraderEvent : IJournalEvent;

/// <summary>Events of the order lifecycle (tag <c>orders</c>).</summary>
public interface IOrderEvent : ITraderEvent
{
    ClientOrderId ClientOrderId { get; }
}

/// <summary>First event of every trader journal: the paper account's starting cash, for cash conservation.</summary>
public sealed record AccountOpened(Symbol Symbol, AccountId Account, decimal StartingCash) : ITraderEvent;

/// <summary>The run's drain began: the trader places no more orders, also after a restart, and cancels what is live.</summary>
public sealed record TradingStopped : ITraderEvent
{
    public static readonly TradingStopped Instance = new();
}

/// <summary>Persisted before the order is sent, so a crash between the two can be resolved by asking the venue.</summary>
public sealed record OrderSubmitted(
    ClientOrderId ClientOrderId, Side Side, OrderType Type, decimal? LimitPrice, decimal Quantity, TimeSpan SimTime)
    : IOrderEvent;

public sealed record OrderAcknowledged(ClientOrderId ClientOrderId) : IOrderEvent;

public sealed record OrderRejected(ClientOrderId ClientOrderId, string Reason) : IOrderEvent;

public sealed record OrderCancelled(ClientOrderId ClientOrderId, decimal RemainingQuantity, string Reason) : IOrderEvent;

public sealed record FillApplied(
    ClientOrderId ClientOrderId, FillId FillId, Side Side, decimal Price, decimal Quantity, decimal Fee,
    long AccountFillSequence, TimeSpan SimTime) : IOrderEvent;

public enum PositionChange
{
    Opened,
    Increased,
    Reduced,
    Closed,

    /// <summary>A fill larger than the position: the old position closes and one of the other sign opens.</summary>
    Flipped,
}

/// <summary>Position after a fill (tag <c>positions</c>); persisted together with the <see cref="FillApplied"/> that caused it.</summary>
public sealed record PositionChanged(
    PositionChange Change, FillId CausedBy, decimal Quantity, decimal AverageEntryPrice, decimal RealizedPnl,
    decimal Cash) : ITraderEvent;
