namespace ContinuousOperation.Domain.Trading;

/// <summary>An order event that the lifecycle table does not allow in the order's current status.</summary>
public sealed class InvalidOrderTransitionException(OrderStatus from, OrderEventKind kind)
    : InvalidOperationException($"An order in status {from} cannot take the event {kind}.")
{
    public OrderStatus From { get; } = from;

    public OrderEventKind Kind { get; } = kind;
}
