using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using ContinuousOperation.Actors.Exchange;
using ContinuousOperation.Actors.Monitoring;
using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Actors.Trading;

/// <summary>
/// One paper trader (journal <c>trader-{symbol}</c>). Decisions come from the strategy, state changes from
/// <see cref="TraderState.Apply"/>: the actor persists every order and fill event before acting on it, and keeps only
/// what the network needs (requests in flight, the stream consumer). After any restart, gap or timeout it syncs the
/// account with the venue, which applies missed fills exactly once and resolves orders whose replies were lost.
/// </summary>
public sealed class TraderActor : ReceivePersistentActor, IWithTimers
{
    private readonly TraderSettings settings;
    private readonly ITradingStrategy strategy;
    private readonly IActorRef exchange;
    private readonly IActorRef metrics;
    private readonly ILoggingAdapter log = Context.GetLogger();
    private readonly MarketDataConsumer stream;
    private readonly Dictionary<ClientOrderId, DateTime> placing = new();
    private readonly Dictionary<ClientOrderId, DateTime> cancelling = new();
    private TraderState state;
    private Random rng = null!;
    private MarketView? view;
    private DateTime? syncSentAt;
    private IActorRef? drainRequester;
    private bool fetchDepthNext;

    public TraderActor(TraderSettings settings, ITradingStrategy strategy, IActorRef exchange, IActorRef metrics)
    {
        this.settings = settings;
        this.strategy = strategy;
        this.exchange = exchange;
        this.metrics = metrics;
        stream = new MarketDataConsumer(settings.StreamSilenceTimeout);
        state = TraderState.Empty(Symbol);

        Recover<ITraderEvent>(e => state = state.Apply(e));
        Recover<RecoveryCompleted>(_ => Start());

        Command<DecisionTick>(_ => Decide());
        Command<AccountFillReport>(r => OnFill(r.Fill));
        Command<AccountSynced>(OnSynced);
        Command<OrderPlaced>(OnPlaced);
        Command<OrderPlacementRejected>(OnPlacementRejected);
        Command<AccountOrderCancelled>(OnCancelled);
        Command<CancelRejected>(OnCancelRejected);
        Command<MarketDataSnapshot>(OnSnapshot);
        Command<MarketDataUpdate>(OnUpdate);
        Command<MarketDataHeartbeat>(h => Act(stream.OnHeartbeat(h.Sequence, DateTime.UtcNow)));
        Command<FetchMarketData>(_ => Fetch());
        Command<TickerReply>(r => UseIfStreamStale(r.Ticker.BestBid, r.Ticker.BestAsk, r.Ticker.LastPrice));
        Command<DepthReply>(r => UseIfStreamStale(r.Depth.BestBid, r.Depth.BestAsk, lastPrice: null));
        Command<MarketDataFetchFailed>(f => ReportError(ErrorKind.Api, $"{f.Request} failed: {f.Reason}"));
        Command<Housekeeping>(_ => Housekeep());
        Command<StopTrading>(_ => BeginDrain());
    }

    public static Props Props(TraderSettings settings, ITradingStrategy strategy, IActorRef exchange, IActorRef metrics) =>
        Akka.Actor.Props.Create(() => new TraderActor(settings, strategy, exchange, metrics));

    public override string PersistenceId => JournalNames.Trader(Symbol);

    public ITimerScheduler Timers { get; set; } = null!;

    private Symbol Symbol => settings.Instrument.Symbol;

    private bool Draining => drainRequester is not null;

    private void Start()
    {
        // The journal length names the incarnation, so decisions after a restart are reproducible too.
        rng = new Random(StableSeed.Derive(settings.Seed, PersistenceId, (int)LastSequenceNr));
        if (!state.IsOpened)
            PersistAndApply([new AccountOpened(Symbol, state.Account, settings.StartingCash)]);

        SyncAccount();
        stream.Connected(DateTime.UtcNow);
        exchange.Tell(new SubscribeMarketData(Symbol));
        Timers.StartPeriodicTimer("decide", DecisionTick.Instance, settings.DecisionInterval);
        Timers.StartPeriodicTimer("housekeeping", Housekeeping.Instance, settings.HousekeepingInterval);
        Timers.StartPeriodicTimer("fetch", FetchMarketData.Instance, settings.MarketDataFetchInterval);
    }

    // ----- decisions and order calls -----

    private void Decide()
    {
        if (Draining || syncSentAt is not null || view is null) return;

        var plan = OrderPlanning.Plan(state, strategy.Decide(view, state, rng), view.SimTime);
        foreach (var id in plan.Cancels) RequestCancel(id);
        if (plan.Submissions.Count == 0) return;

        PersistAndApply(plan.Submissions, e =>
        {
            if (e is OrderSubmitted submitted) SendPlace(state.Find(submitted.ClientOrderId)!);
        });
    }

    private void SendPlace(TrackedOrder order)
    {
        placing[order.Id] = DateTime.UtcNow;
        exchange.Tell(new PlaceOrder(Symbol, new OrderRequest(state.Account, order.Id, order.Side, order.Type,
            order.LimitPrice, order.Quantity)));
    }

    private void RequestCancel(ClientOrderId id)
    {
        if (!cancelling.TryAdd(id, DateTime.UtcNow)) return;
        exchange.Tell(new CancelOrder(Symbol, state.Account, id));
    }

    private void OnPlaced(OrderPlaced placed)
    {
        placing.Remove(placed.ClientOrderId);
        PersistIfApplicable(new OrderAcknowledged(placed.ClientOrderId));
    }

    private void OnPlacementRejected(OrderPlacementRejected rejected)
    {
        placing.Remove(rejected.ClientOrderId);
        PersistIfApplicable(new OrderRejected(rejected.ClientOrderId, rejected.Reason));
    }

    private void OnCancelled(AccountOrderCancelled cancelled)
    {
        cancelling.Remove(cancelled.ClientOrderId);
        if (cancelled.AccountFillSequence > state.LastFillSequence)
        {
            // A fill of this order is still on its way (or lost): cancelling now would close the order too early.
            SyncAccount();
            return;
        }

        PersistIfApplicable(new OrderCancelled(cancelled.ClientOrderId, cancelled.RemainingQuantity, cancelled.Reason));
    }

    private void OnCancelRejected(CancelRejected rejected)
    {
        cancelling.Remove(rejected.ClientOrderId);

        // The venue no longer has the order live but we do: a fill or cancel has not reached us yet.
        if (state.Find(rejected.ClientOrderId) is not null) SyncAccount();
    }

    // ----- fills and account sync -----

    private void OnFill(AccountFill fill)
    {
        switch (state.Classify(fill))
        {
            case FillDisposition.Apply:
                PersistAndApply(state.EventsForFill(fill));
                break;
            case FillDisposition.Gap:
                SyncAccount();
                break;
        }
    }

    private void SyncAccount()
    {
        if (syncSentAt is not null) return;
        syncSentAt = DateTime.UtcNow;
        exchange.Tell(new SyncAccount(Symbol, state.Account, state.LastFillSequence,
            state.LiveOrders.Select(o => o.Id).ToArray()));
    }

    private void OnSynced(AccountSynced synced)
    {
        var plan = AccountSync.Plan(state, synced.MissedFills, synced.Statuses);
        if (!plan.FillsComplete)
            ReportError(ErrorKind.Consistency, "venue no longer holds fills this trader missed", ErrorSeverity.Critical);

        PersistAndApply(plan.Events, after: () =>
        {
            syncSentAt = null;
            foreach (var order in plan.Resend)
                if (state.Find(order.Id) is { } live) SendPlace(live);
            AfterChange();
        });
    }

    // ----- market data: stream and fetches -----

    private void OnSnapshot(MarketDataSnapshot snapshot)
    {
        stream.OnSnapshot(snapshot.Sequence, DateTime.UtcNow);
        UseTicker(snapshot.Ticker);
    }

    private void OnUpdate(MarketDataUpdate update)
    {
        var (apply, action) = stream.OnUpdate(update.Sequence, DateTime.UtcNow);
        if (apply) UseTicker(update.Ticker);
        Act(action);
    }

    private void Act(StreamAction action)
    {
        switch (action)
        {
            case StreamAction.Resync:
                metrics.Tell(new CountTrading(TradingCounter.StreamResyncs));
                exchange.Tell(new SubscribeMarketData(Symbol));
                break;
            case StreamAction.Reconnect:
                log.Warning("Market-data stream for {Symbol} went silent; reconnecting", Symbol);
                metrics.Tell(new CountTrading(TradingCounter.WebsocketReconnects));
                exchange.Tell(new UnsubscribeMarketData(Symbol));
                exchange.Tell(new SubscribeMarketData(Symbol));
                break;
        }
    }

    private void Fetch()
    {
        metrics.Tell(new CountTrading(TradingCounter.MarketDataRequests));
        fetchDepthNext = !fetchDepthNext;
        if (fetchDepthNext)
            exchange.Ask<DepthReply>(new GetDepth(Symbol, BookSettings.PublishedDepthLevels), settings.RequestTimeout)
                .PipeTo(Self, failure: ex => new MarketDataFetchFailed("depth", ex.Message));
        else
            exchange.Ask<TickerReply>(new GetTicker(Symbol), settings.RequestTimeout)
                .PipeTo(Self, failure: ex => new MarketDataFetchFailed("ticker", ex.Message));
    }

    /// <summary>Fetched data only replaces the view when the stream cannot be trusted to be current.</summary>
    private void UseIfStreamStale(decimal? bid, decimal? ask, decimal? lastPrice)
    {
        if (!stream.IsStale(DateTime.UtcNow) || bid is null || ask is null || view is null) return;
        view = view with { BestBid = bid.Value, BestAsk = ask.Value, LastPrice = lastPrice ?? view.LastPrice };
    }

    private void UseTicker(Ticker ticker)
    {
        if (ticker.BestBid is { } bid && ticker.BestAsk is { } ask)
            view = new MarketView(bid, ask, ticker.LastPrice ?? (bid + ask) / 2, ticker.SimTime);
    }

    // ----- timeouts, drain -----

    private void Housekeep()
    {
        var now = DateTime.UtcNow;
        Act(stream.OnTimer(now));

        var expired = placing.Where(kv => now - kv.Value > settings.RequestTimeout).Select(kv => kv.Key)
            .Concat(cancelling.Where(kv => now - kv.Value > settings.RequestTimeout).Select(kv => kv.Key))
            .ToArray();
        var syncExpired = syncSentAt is { } sent && now - sent > settings.RequestTimeout;
        if (expired.Length == 0 && !syncExpired)
        {
            if (Draining) CancelAllLive();
            return;
        }

        ReportError(ErrorKind.Api, $"no reply within {settings.RequestTimeout.TotalSeconds:0.#}s to {expired.Length} order call(s){(syncExpired ? " and an account sync" : "")}");
        foreach (var id in expired)
        {
            placing.Remove(id);
            cancelling.Remove(id);
        }

        syncSentAt = null;
        SyncAccount();
    }

    private void BeginDrain()
    {
        drainRequester = Sender;
        CancelAllLive();
        AfterChange();
    }

    private void CancelAllLive()
    {
        // An order not yet acknowledged is cancelled once the venue has it (OnPlaced → AfterChange).
        foreach (var order in state.LiveOrders.Where(o => o.Status != OrderStatus.Submitted))
            RequestCancel(order.Id);
    }

    private void AfterChange()
    {
        if (!Draining) return;
        CancelAllLive();
        if (state.LiveOrders.Count == 0 && syncSentAt is null)
            drainRequester!.Tell(new TraderDrained(Symbol));
    }

    // ----- persistence -----

    /// <summary>Status replies can repeat (retries) or arrive for orders already settled: only a legal next step of a
    /// live order is persisted.</summary>
    private void PersistIfApplicable(IOrderEvent e)
    {
        if (state.CanApply(e)) PersistAndApply([e]);
        else AfterChange();
    }

    /// <summary>Persists the events in order, applying each to the state (and counting it) once it is in the journal.</summary>
    private void PersistAndApply(IReadOnlyList<ITraderEvent> events, Action<ITraderEvent>? each = null, Action? after = null)
    {
        if (events.Count == 0)
        {
            after?.Invoke();
            return;
        }

        var last = events[^1];
        PersistAll(events, e =>
        {
            foreach (var counter in TraderEventCounters.For(e, state))
                metrics.Tell(new CountTrading(counter));
            state = state.Apply(e);
            each?.Invoke(e);
            if (!ReferenceEquals(e, last)) return;
            if (after is null) AfterChange();
            else after();
        });
    }

    private void ReportError(ErrorKind kind, string message, ErrorSeverity severity = ErrorSeverity.Error) =>
        metrics.Tell(new ReportError(kind, severity, PersistenceId, message));

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        ReportError(ErrorKind.Database, $"persist failed at sequence {sequenceNr}: {cause.Message}");
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        ReportError(ErrorKind.Database, $"persist rejected at sequence {sequenceNr}: {cause.Message}");
        base.OnPersistRejected(cause, @event, sequenceNr);

        // Nothing was applied before persisting, but the decision that produced the event is lost: restart from the
        // journal so the venue sync settles what really happened.
        Context.Stop(Self);
    }
}
