using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Domain.Consistency;

/// <summary>
/// The lifecycle of every order as one journal tells it, run through <see cref="OrderTransitions"/>; the trader journal
/// and the venue journal each get one. Records quantity and lifecycle problems (invariant 2) as it goes, and keeps the
/// final status of each order for the orphan check (invariant 3).
/// </summary>
internal sealed class OrderLedger(string persistenceId)
{
    private sealed class Entry(decimal quantity)
    {
        public decimal Quantity { get; } = quantity;

        public decimal Filled { get; set; }

        public OrderStatus Status { get; set; } = OrderStatus.Submitted;
    }

    private readonly Dictionary<ClientOrderId, Entry> _orders = [];

    public FindingLog Problems { get; } = new();

    public OrderStatus? StatusOf(ClientOrderId id) => _orders.TryGetValue(id, out var entry) ? entry.Status : null;

    public IEnumerable<ClientOrderId> LiveOrders =>
        _orders.Where(o => !o.Value.Status.IsTerminal()).Select(o => o.Key);

    public void Open(ClientOrderId id, decimal quantity, long sequenceNr)
    {
        if (!_orders.TryAdd(id, new Entry(quantity)))
            Problems.Add($"order {id} is placed a second time", id.Value, At(sequenceNr));
        else if (quantity <= 0m)
            Problems.Add($"order {id} has a non-positive quantity {quantity}", id.Value, At(sequenceNr));
    }

    public void Acknowledge(ClientOrderId id, long sequenceNr) => Move(id, OrderEventKind.Acknowledge, sequenceNr);

    public void Reject(ClientOrderId id, long sequenceNr) => Move(id, OrderEventKind.Reject, sequenceNr);

    public void Fill(ClientOrderId id, decimal quantity, long sequenceNr)
    {
        if (!_orders.TryGetValue(id, out var entry))
        {
            Unknown(id, "fill", sequenceNr);
            return;
        }
        var kind = OrderTransitions.FillKind(entry.Quantity, entry.Filled, quantity);
        entry.Filled += quantity;
        if (entry.Filled > entry.Quantity)
            Problems.Add($"order {id} is over-filled: {entry.Filled} filled of {entry.Quantity}", id.Value, At(sequenceNr));
        Move(id, kind, sequenceNr);
    }

    public void Cancel(ClientOrderId id, decimal remaining, long sequenceNr)
    {
        if (_orders.TryGetValue(id, out var entry) && !entry.Status.IsTerminal() && remaining != entry.Quantity - entry.Filled)
            Problems.Add($"order {id} is cancelled with {remaining} remaining, but {entry.Filled} of {entry.Quantity} is filled",
                id.Value, At(sequenceNr));
        Move(id, OrderEventKind.Cancel, sequenceNr);
    }

    private void Move(ClientOrderId id, OrderEventKind kind, long sequenceNr)
    {
        if (!_orders.TryGetValue(id, out var entry))
            Unknown(id, kind.ToString(), sequenceNr);
        else if (OrderTransitions.TryNext(entry.Status, kind, out var next))
            entry.Status = next;
        else if (entry.Status.IsTerminal())
            Problems.Add($"order {id} changes after it was {entry.Status}: {kind}", id.Value, At(sequenceNr));
        else
            Problems.Add($"order {id} cannot take {kind} in status {entry.Status}", id.Value, At(sequenceNr));
    }

    private void Unknown(ClientOrderId id, string what, long sequenceNr) =>
        Problems.Add($"{what} for order {id}, which was never placed", id.Value, At(sequenceNr));

    private string At(long sequenceNr) => JournalNames.Position(persistenceId, sequenceNr);
}
