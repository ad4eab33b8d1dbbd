using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Domain.Consistency;

/// <summary>
/// The lifecycle of every order as one journal tells it, run through <see cref="OrderTransitions"/>; the trader journal
/// and the venue journal each get one. Records quantity and lifecycle problems (invariant 2) as it goes, and keeps the
/// status of each order for the orphan check (invariant 3) until both ledgers have settled it
/// (<see cref="IsSettled"/>) and the fold retires it into <see cref="RetiredOrders"/>, which both ledgers share: an
/// event for a retired order is still reported.
/// </summary>
internal sealed class OrderLedger(string persistenceId, RetiredOrders retired)
{
    private sealed class Entry(decimal quantity)
    {
        public decimal Quantity { get; } = quantity;

        public decimal Filled { get; set; }

        public OrderStatus Status { get; set; } = OrderStatus.Submitted;

        /// <summary>The account fill sequence of the order's last fill; 0 before any.</summary>
        public long LastFillSequence { get; set; }
    }

    private readonly Dictionary<ClientOrderId, Entry> _orders = [];

    public FindingLog Problems { get; } = new();

    /// <summary>Orders held one by one.</summary>
    public int Count => _orders.Count;

    public OrderStatus? StatusOf(ClientOrderId id) => _orders.TryGetValue(id, out var entry) ? entry.Status : null;

    /// <summary>The status of an order in words, for a finding.</summary>
    public string Describe(ClientOrderId id) =>
        StatusOf(id)?.ToString() ?? (retired.Contains(id) ? "settled (terminal in both journals)" : "unknown");

    public IEnumerable<ClientOrderId> LiveOrders =>
        _orders.Where(o => !o.Value.Status.IsTerminal()).Select(o => o.Key);

    /// <summary>Whether both ledgers hold <paramref name="id"/> terminal in the same status with the same quantities,
    /// so that neither journal may say anything more about it; <paramref name="lastFillSequence"/> is its last fill's
    /// account fill sequence in either journal.</summary>
    public static bool IsSettled(OrderLedger trader, OrderLedger venue, ClientOrderId id, out long lastFillSequence)
    {
        lastFillSequence = 0;
        if (!trader._orders.TryGetValue(id, out var atTrader) || !venue._orders.TryGetValue(id, out var atVenue))
            return false;
        lastFillSequence = Math.Max(atTrader.LastFillSequence, atVenue.LastFillSequence);
        return atTrader.Status.IsTerminal() && atTrader.Status == atVenue.Status
            && atTrader.Quantity == atVenue.Quantity && atTrader.Filled == atVenue.Filled;
    }

    /// <summary>Forgets a settled order; <see cref="RetiredOrders"/> remembers its number.</summary>
    public void Forget(ClientOrderId id) => _orders.Remove(id);

    public void Open(ClientOrderId id, decimal quantity, long sequenceNr)
    {
        if (retired.Contains(id) || !_orders.TryAdd(id, new Entry(quantity)))
            Problems.Add($"order {id} is placed a second time", id.Value, At(sequenceNr));
        else if (quantity <= 0m)
            Problems.Add($"order {id} has a non-positive quantity {quantity}", id.Value, At(sequenceNr));
    }

    public void Acknowledge(ClientOrderId id, long sequenceNr) => Move(id, OrderEventKind.Acknowledge, sequenceNr);

    public void Reject(ClientOrderId id, long sequenceNr) => Move(id, OrderEventKind.Reject, sequenceNr);

    public void Fill(ClientOrderId id, decimal quantity, long accountFillSequence, long sequenceNr)
    {
        if (!_orders.TryGetValue(id, out var entry))
        {
            Unknown(id, "fill", sequenceNr);
            return;
        }
        var kind = OrderTransitions.FillKind(entry.Quantity, entry.Filled, quantity);
        entry.Filled += quantity;
        entry.LastFillSequence = Math.Max(entry.LastFillSequence, accountFillSequence);
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

    private void Unknown(ClientOrderId id, string what, long sequenceNr)
    {
        if (retired.Contains(id))
            Problems.Add($"order {id} changes after it was settled (terminal in both journals): {what}", id.Value, At(sequenceNr));
        else
            Problems.Add($"{what} for order {id}, which was never placed", id.Value, At(sequenceNr));
    }

    private string At(long sequenceNr) => JournalNames.Position(persistenceId, sequenceNr);
}
