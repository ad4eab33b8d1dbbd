using System.Collections.Immutable;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Trading;

/// <summary>Immutable state of one paper trader. <see cref="Apply"/> is the only way it changes, live and in recovery;
/// the <c>…For</c> functions turn what the venue reports into the events to persist. Terminal orders are dropped, so the
/// state stays bounded however long the run.</summary>
public sealed record TraderState
{
    private TraderState(Symbol symbol)
    {
        Symbol = symbol;
        Account = AccountId.TraderFor(symbol);
    }

    public static TraderState Empty(Symbol symbol) => new(symbol);

    public static TraderState FromSnapshot(TraderSnapshot snapshot) => new(snapshot.Symbol)
    {
        IsOpened = snapshot.IsOpened,
        IsStopped = snapshot.IsStopped,
        Cash = snapshot.Cash,
        Position = snapshot.Position,
        LastFillSequence = snapshot.LastFillSequence,
        OrdersSubmitted = snapshot.OrdersSubmitted,
        _liveOrders = [.. snapshot.LiveOrders],
    };

    public TraderSnapshot ToSnapshot() =>
        new(Symbol, IsOpened, IsStopped, Cash, Position, LastFillSequence, OrdersSubmitted, [.. _liveOrders]);

    public Symbol Symbol { get; }

    public AccountId Account { get; }

    public bool IsOpened { get; private init; }

    /// <summary>Set by <see cref="TradingStopped"/>: the trader is draining and must not place orders.</summary>
    public bool IsStopped { get; private init; }

    public decimal Cash { get; private init; }

    public Position Position { get; private init; } = Position.Flat;

    /// <summary>Highest contiguous account fill sequence applied; fills are applied only in sequence.</summary>
    public long LastFillSequence { get; private init; }

    public long OrdersSubmitted { get; private init; }

    /// <summary>Non-terminal orders, oldest first (a list, not a hash map, so iteration is the same in every process).</summary>
    public IReadOnlyCollection<TrackedOrder> LiveOrders => _liveOrders;

    private ImmutableList<TrackedOrder> _liveOrders = [];

    public TrackedOrder? Find(ClientOrderId id) => _liveOrders.Find(o => o.Id == id);

    public ClientOrderId NextClientOrderId() => new($"{Symbol.Value}-{OrdersSubmitted + 1}");

    public OrderSubmitted EventForPlacement(PlaceOrderIntent intent, TimeSpan simTime) =>
        new(NextClientOrderId(), intent.Side, intent.Type, intent.LimitPrice, intent.Quantity, simTime);

    /// <summary>Whether a status event (acknowledgement, cancel, rejection) is a legal next step for a live order.
    /// False for unknown or terminal orders and for repeats, which the trader must not persist.</summary>
    public bool CanApply(IOrderEvent e) =>
        Find(e.ClientOrderId) is { } order && OrderTransitions.TryNext(order.Status, KindOf(e, order), out _);

    /// <summary>Whether a cancel the venue reports after fill <paramref name="accountFillSequence"/> of the account must wait
    /// for a sync: a fill of that order may still be on its way (or lost), and applying the cancel first would close the
    /// order with the wrong filled quantity.</summary>
    public bool CancelWaitsForFills(long accountFillSequence) => accountFillSequence > LastFillSequence;

    public FillDisposition Classify(AccountFill fill) =>
        fill.AccountFillSequence <= LastFillSequence ? FillDisposition.Duplicate
        : fill.AccountFillSequence == LastFillSequence + 1 ? FillDisposition.Apply
        : FillDisposition.Gap;

    /// <summary>The fill and the position it leads to, to be persisted together.</summary>
    public IReadOnlyList<ITraderEvent> EventsForFill(AccountFill fill)
    {
        if (fill.Account != Account || fill.Symbol != Symbol)
            throw new ArgumentException($"Fill {fill.FillId} belongs to {fill.Account}, not to {Account}.", nameof(fill));
        if (Classify(fill) != FillDisposition.Apply)
            throw new InvalidOperationException(
                $"Fill {fill.FillId} has sequence {fill.AccountFillSequence}; the next to apply is {LastFillSequence + 1}.");

        var (position, change) = Position.Apply(fill.Side, fill.Price, fill.Quantity);
        var cash = Cash + CashFlow.Of(fill.Side, fill.Price, fill.Quantity, fill.Fee);
        return
        [
            new FillApplied(fill.ClientOrderId, fill.FillId, fill.Side, fill.Price, fill.Quantity, fill.Fee,
                fill.AccountFillSequence, fill.SimTime),
            new PositionChanged(change, fill.FillId, position.Quantity, position.AverageEntryPrice, position.RealizedPnl, cash),
        ];
    }

    public TraderState Apply(ITraderEvent e) => e switch
    {
        AccountOpened opened => this with { IsOpened = true, Cash = opened.StartingCash },
        TradingStopped => this with { IsStopped = true },
        OrderSubmitted submitted => this with
        {
            OrdersSubmitted = OrdersSubmitted + 1,
            _liveOrders = _liveOrders.Add(new TrackedOrder(submitted.ClientOrderId, submitted.Side, submitted.Type,
                submitted.LimitPrice, submitted.Quantity, Filled: 0m, OrderStatus.Submitted, submitted.SimTime)),
        },
        FillApplied fill => WithOrderEvent(fill) with { LastFillSequence = fill.AccountFillSequence },
        IOrderEvent orderEvent => WithOrderEvent(orderEvent),
        // Position and cash are taken from the event, so recovery reproduces exactly what was persisted.
        PositionChanged changed => this with
        {
            Position = new Position(changed.Quantity, changed.AverageEntryPrice, changed.RealizedPnl),
            Cash = changed.Cash,
        },
        _ => throw new ArgumentException($"Unknown trader event {e.GetType().Name}.", nameof(e)),
    };

    /// <summary>An event for an order that is no longer tracked (terminal, hence dropped) changes no order: the state
    /// cannot judge it, the journal keeps it, and reconciliation reports it.</summary>
    private TraderState WithOrderEvent(IOrderEvent e)
    {
        if (Find(e.ClientOrderId) is not { } order)
            return this;

        var next = order with
        {
            Filled = e is FillApplied fill ? order.Filled + fill.Quantity : order.Filled,
            Status = OrderTransitions.Next(order.Status, KindOf(e, order)),
        };
        return this with
        {
            _liveOrders = next.Status.IsTerminal() ? _liveOrders.Remove(order) : _liveOrders.Replace(order, next),
        };
    }

    private static OrderEventKind KindOf(IOrderEvent e, TrackedOrder order) => e switch
    {
        OrderAcknowledged => OrderEventKind.Acknowledge,
        FillApplied fill => OrderTransitions.FillKind(order.Quantity, order.Filled, fill.Quantity),
        OrderCancelled => OrderEventKind.Cancel,
        OrderRejected => OrderEventKind.Reject,
        _ => throw new ArgumentException($"Unknown order event {e.GetType().Name}.", nameof(e)),
    };
}
