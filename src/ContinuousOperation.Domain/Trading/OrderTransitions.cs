using System.Collections.Frozen;

namespace ContinuousOperation.Domain.Trading;

/// <summary>The order lifecycle as a table: (status, event) → next status. A pair that is not listed is illegal.</summary>
public static class OrderTransitions
{
    public static readonly FrozenDictionary<(OrderStatus From, OrderEventKind Kind), OrderStatus> Table =
        new Dictionary<(OrderStatus, OrderEventKind), OrderStatus>
        {
            // A reply may be lost or overtaken, so a fill or cancel can reach the trader before the acknowledgement.
            // A fill proves the venue accepted the order, so an acknowledgement arriving after it is not an event.
            [(OrderStatus.Submitted, OrderEventKind.Acknowledge)] = OrderStatus.Accepted,
            [(OrderStatus.Submitted, OrderEventKind.PartialFill)] = OrderStatus.PartiallyFilled,
            [(OrderStatus.Submitted, OrderEventKind.CompleteFill)] = OrderStatus.Filled,
            [(OrderStatus.Submitted, OrderEventKind.Cancel)] = OrderStatus.Cancelled,
            [(OrderStatus.Submitted, OrderEventKind.Reject)] = OrderStatus.Rejected,

            [(OrderStatus.Accepted, OrderEventKind.PartialFill)] = OrderStatus.PartiallyFilled,
            [(OrderStatus.Accepted, OrderEventKind.CompleteFill)] = OrderStatus.Filled,
            [(OrderStatus.Accepted, OrderEventKind.Cancel)] = OrderStatus.Cancelled,

            [(OrderStatus.PartiallyFilled, OrderEventKind.PartialFill)] = OrderStatus.PartiallyFilled,
            [(OrderStatus.PartiallyFilled, OrderEventKind.CompleteFill)] = OrderStatus.Filled,
            [(OrderStatus.PartiallyFilled, OrderEventKind.Cancel)] = OrderStatus.Cancelled,

            // Filled, Cancelled and Rejected are terminal: nothing leaves them.
        }.ToFrozenDictionary();

    public static bool TryNext(OrderStatus from, OrderEventKind kind, out OrderStatus next) =>
        Table.TryGetValue((from, kind), out next);

    /// <exception cref="InvalidOrderTransitionException">The pair is not in <see cref="Table"/>.</exception>
    public static OrderStatus Next(OrderStatus from, OrderEventKind kind) =>
        TryNext(from, kind, out var next) ? next : throw new InvalidOrderTransitionException(from, kind);

    /// <summary>Whether a fill of <paramref name="quantity"/> completes an order of which <paramref name="filled"/> is
    /// already filled. An over-fill counts as complete: the order cannot stay live, and reconciliation reports it.</summary>
    public static OrderEventKind FillKind(decimal orderQuantity, decimal filled, decimal quantity) =>
        filled + quantity >= orderQuantity ? OrderEventKind.CompleteFill : OrderEventKind.PartialFill;
}
