using Akka.Actor;
using ContinuousOperation.Actors.Exchange;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Cli.Gateway;

/// <summary>Place an order for the bridge's account; answered with the venue's <see cref="OrderPlaced"/> or
/// <see cref="OrderPlacementRejected"/>.</summary>
internal sealed record BridgePlace(Symbol Symbol, OrderRequest Request);

/// <summary>Cancel an order; answered with the venue's <see cref="AccountOrderCancelled"/> or <see cref="CancelRejected"/>.</summary>
internal sealed record BridgeCancel(Symbol Symbol, ClientOrderId ClientOrderId);

/// <summary>The account's fills after a point and the venue's status of the orders placed through the gateway;
/// answered with <see cref="AccountSynced"/>.</summary>
internal sealed record BridgeQuery(Symbol Symbol, long AfterFillSequence);

/// <summary>The sender receives every event of the account from now on, as <see cref="AccountStreamEvent"/>s, until it stops.</summary>
internal sealed record AttachAccountStream;

/// <summary>One account event for the private streams, with the order it is about when the gateway placed it.</summary>
internal sealed record AccountStreamEvent(object Push, TrackedOrder? Order);

/// <summary>
/// One API key's account at the venue. The venue pushes an account's fills and cancels to one owner per symbol (the
/// last to sync it); this actor is that owner for every symbol, so the REST calls and any number of private
/// WebSocket streams of the account share one registration instead of taking it from each other. It correlates the
/// venue's replies with the waiting calls and fans the pushes out to the streams.
/// </summary>
internal sealed class AccountBridge : ReceiveActor
{
    private readonly AccountId _account;
    private readonly IActorRef _exchange;
    private readonly IReadOnlyCollection<Symbol> _symbols;
    private readonly HashSet<IActorRef> _streams = [];
    private readonly Dictionary<(Symbol, ClientOrderId), TrackedOrder> _orders = new();
    private readonly Dictionary<(Symbol, ClientOrderId), IActorRef> _placing = new();
    private readonly Dictionary<(Symbol, ClientOrderId), IActorRef> _cancelling = new();

    /// <summary>Who waits for each symbol's syncs, in the order sent (one book answers in order); the bridge's own
    /// re-registrations wait as <see cref="ActorRefs.Nobody"/>.</summary>
    private readonly Dictionary<Symbol, Queue<IActorRef>> _syncing = new();

    private readonly Dictionary<Symbol, long> _lastFillSequence = new();

    public AccountBridge(AccountId account, IActorRef exchange, IReadOnlyCollection<Symbol> symbols)
    {
        _account = account;
        _exchange = exchange;
        _symbols = symbols;
        Receive<BridgePlace>(Place);
        Receive<BridgeCancel>(Cancel);
        Receive<BridgeQuery>(q => Sync(q.Symbol, q.AfterFillSequence, Sender));
        Receive<AttachAccountStream>(_ =>
        {
            _streams.Add(Sender);
            Context.Watch(Sender);
        });
        Receive<Terminated>(t => _streams.Remove(t.ActorRef));
        Receive<OrderPlaced>(OnPlaced);
        Receive<OrderPlacementRejected>(OnRejected);
        Receive<CancelRejected>(r => Answer(_cancelling, (r.Symbol, r.ClientOrderId), r));
        Receive<AccountFillReport>(OnFill);
        Receive<AccountOrderCancelled>(OnCancelled);
        Receive<AccountSynced>(OnSynced);
        Receive<AccountHeartbeat>(h => Publish(h, null));
        Receive<AccountChannelClosed>(c => Register(c.Symbol));
    }

    public static Props Props(AccountId account, IActorRef exchange, IReadOnlyCollection<Symbol> symbols) =>
        Akka.Actor.Props.Create(() => new AccountBridge(account, exchange, symbols));

    protected override void PreStart()
    {
        foreach (var symbol in _symbols) Register(symbol);
    }

    private void Register(Symbol symbol) => Sync(symbol, _lastFillSequence.GetValueOrDefault(symbol), ActorRefs.Nobody);

    private void Sync(Symbol symbol, long afterFillSequence, IActorRef replyTo)
    {
        var believedLive = _orders.Keys.Where(k => k.Item1 == symbol).Select(k => k.Item2).ToArray();
        if (!_syncing.TryGetValue(symbol, out var waiting)) _syncing[symbol] = waiting = new Queue<IActorRef>();
        waiting.Enqueue(replyTo);
        _exchange.Tell(new SyncAccount(symbol, _account, afterFillSequence, believedLive));
    }

    private void Place(BridgePlace place)
    {
        // The account is the key's, whatever the request said: one key cannot trade for another account.
        var request = place.Request with { Account = _account };
        _placing[(place.Symbol, request.ClientOrderId)] = Sender;
        _orders.TryAdd((place.Symbol, request.ClientOrderId), new TrackedOrder(request, 0m));
        _exchange.Tell(new PlaceOrder(place.Symbol, request));
    }

    private void Cancel(BridgeCancel cancel)
    {
        _cancelling[(cancel.Symbol, cancel.ClientOrderId)] = Sender;
        _exchange.Tell(new CancelOrder(cancel.Symbol, _account, cancel.ClientOrderId));
    }

    private void OnPlaced(OrderPlaced placed)
    {
        var key = (placed.Symbol, placed.ClientOrderId);
        Answer(_placing, key, placed);
        Publish(placed, _orders.GetValueOrDefault(key));
    }

    /// <summary>A rejected order never was live: it is not tracked (a known order's retry is answered, not rejected).</summary>
    private void OnRejected(OrderPlacementRejected rejected)
    {
        var key = (rejected.Symbol, rejected.ClientOrderId);
        _orders.Remove(key);
        Answer(_placing, key, rejected);
    }

    private void OnFill(AccountFillReport report)
    {
        var fill = report.Fill;
        _lastFillSequence[fill.Symbol] = Math.Max(_lastFillSequence.GetValueOrDefault(fill.Symbol), fill.AccountFillSequence);
        var key = (fill.Symbol, fill.ClientOrderId);
        TrackedOrder? order = null;
        if (_orders.TryGetValue(key, out var known))
        {
            order = known with { Filled = known.Filled + fill.Quantity };
            if (order.Filled >= order.Request.Quantity) _orders.Remove(key);
            else _orders[key] = order;
        }

        Publish(report, order);
    }

    private void OnCancelled(AccountOrderCancelled cancelled)
    {
        var key = (cancelled.Symbol, cancelled.ClientOrderId);
        _orders.Remove(key, out var order);
        Answer(_cancelling, key, cancelled);
        Publish(cancelled, order);
    }

    private void OnSynced(AccountSynced synced)
    {
        var replyTo = _syncing.TryGetValue(synced.Symbol, out var waiting) && waiting.Count > 0 ? waiting.Dequeue() : ActorRefs.Nobody;
        // The venue's word on the orders placed here: the ones no longer live are forgotten.
        foreach (var status in synced.Statuses.Where(s => s.State != ExchangeOrderState.Live))
            _orders.Remove((synced.Symbol, status.ClientOrderId));
        if (!replyTo.IsNobody())
        {
            replyTo.Tell(synced);
            return;
        }

        // A re-registration: the fills missed while the channel was closed go to the streams.
        foreach (var fill in synced.MissedFills.Where(f => f.AccountFillSequence > _lastFillSequence.GetValueOrDefault(f.Symbol)))
            OnFill(new AccountFillReport(fill));
    }

    private void Publish(object push, TrackedOrder? order)
    {
        var streamEvent = new AccountStreamEvent(push, order);
        foreach (var stream in _streams) stream.Tell(streamEvent);
    }

    private static void Answer<TKey>(Dictionary<TKey, IActorRef> waiting, TKey key, object answer) where TKey : notnull
    {
        if (waiting.Remove(key, out var replyTo)) replyTo.Tell(answer);
    }
}
