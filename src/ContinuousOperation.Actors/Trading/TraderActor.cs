using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using ContinuousOperation.Actors.Exchange;
using ContinuousOperation.Actors.Topology;
using ContinuousOperation.Actors.Faults;
using ContinuousOperation.Actors.Monitoring;
using ContinuousOperation.Actors.Persistence;
using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Actors.Trading;

/// <summary>
/// One paper trader (journal <c>trader-{symbol}</c>). Decisions come from the strategy, state changes from
/// <see cref="TraderState.Apply"/>: the actor persists every order and fill event before acting on it, and keeps only
/// what the network needs (requests in flight, the two stream channels). After a restart, a gap, a lost channel or a
/// failed request it syncs the account with the venue, which applies missed fills exactly once and settles orders
/// whose replies were lost. This file holds the lifecycle and persistence; orders and fills are in
/// <c>TraderActor.Orders.cs</c>, market data in <c>TraderActor.MarketData.cs</c>.
/// </summary>
public sealed partial class TraderActor : SnapshottingActor<TraderSnapshot>, IWithTimers
{
    private readonly TraderSettings settings;
    private readonly ITradingStrategy strategy;
    private readonly IActorRef exchange;
    private readonly IActorRef metrics;
    private readonly ILoggingAdapter log = Context.GetLogger();

    /// <summary>When this incarnation was created: a fault sent to the trader before then never reached it.</summary>
    private readonly DateTimeOffset startedAt = DateTimeOffset.UtcNow;

    private readonly DecisionPace pace;
    private readonly TimeSpan wakeInterval;
    private readonly MarketClock clock;
    private readonly PaceWatch marketPace;
    private TimeSpan? nextDecision;
    private TraderState state;
    private Random rng = null!;
    private IActorRef? drainRequester;
    private bool recoveryAnnounced;

    public TraderActor(TraderSettings settings, ITradingStrategy strategy, IActorRef exchange, IActorRef metrics)
        : base(settings.Snapshots, metrics)
    {
        this.settings = settings;
        this.strategy = strategy;
        this.exchange = exchange;
        this.metrics = metrics;
        stream = new MarketDataConsumer(settings.StreamSilenceTimeout);
        reconnectDelay = settings.MinReconnectDelay;
        state = TraderState.Empty(Symbol);
        (pace, wakeInterval) = DecisionPace.For(settings.DecisionInterval, settings.Speed);
        clock = new MarketClock(settings.Speed, maxAhead: settings.MarketTickInterval * settings.Speed);
        marketPace = new PaceWatch(PacePart.Market, Symbol, settings.Speed);

        Recover<ITraderEvent>(e =>
        {
            state = state.Apply(e);
            CountReplayed();
        });
        Recover<RecoveryCompleted>(_ => Start());

        Command<DecisionTick>(_ => Decide());
        Command<OrderPlaced>(OnPlaced);
        Command<OrderPlacementRejected>(OnPlacementRejected);
        Command<CancelRejected>(OnCancelRejected);
        Command<RequestFailed>(OnRequestFailed);
        Command<AccountFillReport>(r => OnFill(r.Fill));
        Command<AccountOrderCancelled>(OnCancelled);
        Command<AccountHeartbeat>(OnAccountHeartbeat);
        Command<AccountChannelClosed>(_ => ReopenAccountChannel("closed by the venue"));
        Command<AccountSynced>(OnSynced);
        Command<MarketDataSnapshot>(OnSnapshot);
        Command<MarketDataUpdate>(OnUpdate);
        Command<MarketDataHeartbeat>(h => Act(stream.OnHeartbeat(h.Sequence, DateTime.UtcNow)));
        Command<MarketDataDisconnected>(_ => Reconnect("closed by the venue"));
        Command<ResubscribeMarketData>(_ => exchange.Tell(new SubscribeMarketData(Symbol)));
        Command<FetchMarketData>(_ => Fetch());
        Command<TickerReply>(r => UseIfStreamStale(r.Ticker.BestBid, r.Ticker.BestAsk, r.Ticker.LastPrice, r.Ticker.SimTime));
        Command<DepthReply>(r => UseIfStreamStale(r.Depth.BestBid, r.Depth.BestAsk, lastPrice: null, r.Depth.SimTime));
        Command<MarketDataFetchFailed>(f => OnRequestFailed(new RequestFailed(Symbol, f.Request, f.Reason)));
        Command<Housekeeping>(_ => Housekeep());
        Command<StopTrading>(_ => BeginDrain());
        Command<EnsureStarted>(_ => { });
        Command<InjectCrash>(crash => throw crash.TakeEffect(Sender));
    }

    public static Props Props(TraderSettings settings, ITradingStrategy strategy, IActorRef exchange, IActorRef metrics) =>
        Akka.Actor.Props.Create(() => new TraderActor(settings, strategy, exchange, metrics));

    public override string PersistenceId => JournalNames.Trader(settings.Run, Symbol);

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void RestoreFrom(TraderSnapshot snapshot) => state = TraderState.FromSnapshot(snapshot);

    protected override TraderSnapshot CaptureSnapshot() => state.ToSnapshot();

    private Symbol Symbol => settings.Instrument.Symbol;

    /// <summary>Journaled, so a trader restarted during or after the drain does not start trading again.</summary>
    private bool Draining => state.IsStopped;

    private void Start()
    {
        // The journal length names the incarnation, so decisions after a restart are reproducible too. The stream is
        // named after the trader, not its run-scoped persistence id: the same seed must trade the same way in every run.
        rng = new Random(StableSeed.Derive(settings.Seed, state.Account.Value, (int)LastSequenceNr));
        if (!state.IsOpened)
            PersistAndApply([new AccountOpened(Symbol, state.Account, settings.StartingCash)]);

        SyncAccount();
        stream.Connected(DateTime.UtcNow);
        exchange.Tell(new SubscribeMarketData(Symbol));
        Timers.StartPeriodicTimer("decide", DecisionTick.Instance, wakeInterval);
        Timers.StartPeriodicTimer("housekeeping", Housekeeping.Instance, settings.HousekeepingInterval);
        Timers.StartPeriodicTimer("fetch", FetchMarketData.Instance, settings.MarketDataFetchInterval);
    }

    /// <summary>Checked periodically: replies that never came, and channels that went silent.</summary>
    private void Housekeep()
    {
        var now = DateTime.UtcNow;
        Act(stream.OnTimer(now));
        if (syncSentAt is null && now - lastAccountHeardAt > settings.AccountSilenceTimeout)
            ReopenAccountChannel("silent");
        ExpireRequests(now);
        if (Draining) CancelAllLive();
    }

    private void BeginDrain()
    {
        drainRequester = Sender;
        if (marketPace.Flush(DateTimeOffset.UtcNow) is { } lag) metrics.Tell(new ReportLag(lag));
        if (Draining) AfterChange();
        else PersistAndApply([TradingStopped.Instance]);
    }

    /// <summary>While draining, cancels what is live and, once nothing is, tells whoever asked (after a restart nobody
    /// has asked yet: the parent asks again until every trader has answered).</summary>
    private void AfterChange()
    {
        if (!Draining) return;
        CancelAllLive();
        if (state.LiveOrders.Count == 0 && syncSentAt is null)
            drainRequester?.Tell(new TraderDrained(Symbol));
    }

    private void Publish(RecoverySignal signal) => Context.System.EventStream.Publish(signal);

    private void ReportError(ErrorKind kind, string message, ErrorSeverity severity = ErrorSeverity.Error) =>
        metrics.Tell(new ReportError(kind, severity, PersistenceId, message));

    private void Count(TradingCounter counter) => metrics.Tell(new CountTrading(counter, Symbol: Symbol));

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
            foreach (var counter in TraderEventCounters.For(e, state)) Count(counter);
            state = state.Apply(e);
            each?.Invoke(e);
            if (!ReferenceEquals(e, last)) return;
            // Before the continuation, which may persist more: the state now matches the journal exactly.
            SnapshotIfDue();
            if (after is null) AfterChange();
            else after();
        });
    }

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        ReportError(ErrorKind.Database, $"persist failed at sequence {sequenceNr}: {cause.Message}");
        Publish(new EntityStopped(EntityKind.Trader, Symbol, DateTimeOffset.UtcNow));
        // What the base class does, with a warning instead of its error line (PersistFailureLog says why).
        PersistFailureLog.Write(log, cause, PersistenceId, @event, sequenceNr);
        Context.Stop(Self);
    }

    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        ReportError(ErrorKind.Database, $"persist rejected at sequence {sequenceNr}: {cause.Message}");
        base.OnPersistRejected(cause, @event, sequenceNr);

        // Nothing was applied before persisting, but the decision that produced the event is lost: restart from the
        // journal so the venue sync settles what really happened.
        Publish(new EntityStopped(EntityKind.Trader, Symbol, DateTimeOffset.UtcNow));
        Context.Stop(Self);
    }
}
