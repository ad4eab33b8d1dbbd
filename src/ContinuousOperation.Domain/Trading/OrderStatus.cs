namespace ContinuousOperation.Domain.Trading;

/// <summary>Where an order is in its lifecycle; <see cref="OrderTransitions"/> says how it moves.</summary>
public enum OrderStatus
{
    /// <summary>Persisted by the trader; the venue may not have seen it yet.</summary>
    Submitted,
    Accepted,
    PartiallyFilled,
    Filled,
    Cancelled,
    Rejected,
}

public static class OrderStatusExtensions
{
    /// <summary>Terminal orders never change again; the trader drops them from its state, the journal keeps them.</summary>
    public static bool IsTerminal(this OrderStatus status) =>
        status is OrderStatus.Filled or OrderStatus.Cancelled or OrderStatus.Rejected;
}
