using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using ContinuousOperation.Actors.Faults;
using ContinuousOperation.Actors.Monitoring;
using ContinuousOperation.Actors.Persistence;
using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Actors.Exchange;

/// <summary>
/// The venue for one symbol: a thin persistent shell around <see cref="SymbolVenue"/>. Every command asks the venue
/// for the journal events it implies, persists them, and only then tells anyone (replies, account pushes, market data).
/// On restart the venue's ledger is rebuilt from the latest snapshot and the journal after it (<c>exchange-{symbol}</c>).
/// The account channel (pushes to the paper trader, <see cref="AccountChannel{TOwner}"/>) can be tampered with by
/// injected faults, like a real private stream.
/// </summary>
public sealed class OrderBookActor : SnapshottingActor<VenueSnapshot>, IWithTimers
{
    private readonly BookSettings settings;
    private readonly IActorRef marketData;
    private readonly IActorRef metrics;
    private readonly ILoggingAdapter log = Context.GetLogger();
    private static readonly TimeSpan AccountHeartbeatInterval = TimeSpan.FromSeconds(1);
    private readonly AccountChannel<IActorRef> accountChannel = new();
    /// <summary>When this incarnation was created: a fault sent to the book before then never reached it.</summary>
    private readonly DateTimeOffset startedAt = DateTimeOffset.UtcNow;

    private IActorRef faultReporter = ActorRefs.Nobody;
    private VenueRecovery? recovery;
    private SymbolVenue venue = null!;
    private bool closed;

    public OrderBookActor(BookSettings settings, IActorRef marketData, IActorRef metrics)
        : base(settings.Snapshots, metrics)
    {
        this.settings = settings;
        this.marketData = marketData;
        this.metrics = metrics;

        recovery = new VenueRecovery(settings.Instrument, settings.Market, settings.Fees, settings.Seed);
        Recover<IExchangeEvent>(e =>
        {
            recovery!.Apply(e);
            CountReplayed();
        });
        Recover<RecoveryCompleted>(_ => Start());

        Command<MarketTick>(_ => Advance());
        Command<PlaceOrder>(Place);
        Command<CancelOrder>(Cancel);
        Command<SyncAccount>(Sync);
        Command<GetTicker>(q => Sender.Tell(new TickerReply(q.Symbol, venue.Ticker())));
        Command<GetDepth>(q => Sender.Tell(new DepthReply(q.Symbol, venue.Depth(q.Levels))));
        Command<CloseBook>(Close);
        Command<Terminated>(t => accountChannel.Remove(t.ActorRef));
        Command<AccountHeartbeatTick>(_ => SendAccountHeartbeats());
        Command<InjectCrash>(crash => throw crash.TakeEffect(Sender));
        Command<InjectAccountChannelFault>(ArmAccountChannelFault);
    }

    public static Props Props(BookSettings settings, IActorRef marketData, IActorRef metrics) =>
        Akka.Actor.Props.Create(() => new OrderBookActor(settings, marketData, metrics));

    public override string PersistenceId => JournalNames.Exchange(settings.Run, Symbol);

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void RestoreFrom(VenueSnapshot snapshot) => recovery!.Restore(snapshot);

    protected override VenueSnapshot CaptureSnapshot() => venue.Snapshot();

    private Symbol Symbol => settings.Instrument.Symbol;

    private void Start()
    {
        // The sequence number at recovery names the incarnation, so a restart from the same journal is reproducible.
        // An empty journal (sequence number 0) builds a fresh venue.
        closed = recovery!.IsClosed;
        venue = recovery.Build((int)LastSequenceNr);
        recovery = null;
        Context.System.EventStream.Publish(new EntityRecovered(
            EntityKind.OrderBook, Symbol, DateTimeOffset.UtcNow, StartedAt: startedAt, EventsReplayed: EventsReplayed));
        if (closed) return;

        Timers.StartPeriodicTimer("market-tick", MarketTick.Instance, settings.FirstTickDelay, settings.TickInterval);
        Timers.StartPeriodicTimer("account-heartbeat", AccountHeartbeatTick.Instance, AccountHeartbeatInterval);
        Publish([]);
    }

    private void Advance()
    {
        if (closed) return;
        PersistThen(venue.Advance(settings.SimulatedStep), Announce);
    }

    private void Place(PlaceOrder command)
    {
        var id = command.Request.ClientOrderId;
        if (closed)
        {
            Sender.Tell(new OrderPlacementRejected(Symbol, id, "market closed"));
            return;
        }

        var outcome = venue.Place(command.Request);
        var replyTo = Sender;
        if (outcome.Status == PlaceStatus.Rejected)
        {
            replyTo.Tell(new OrderPlacementRejected(Symbol, id, outcome.Reason ?? "rejected"));
            return;
        }

        // A duplicate (a retry of a known order) has no events: it is answered, not placed again.
        PersistThen(outcome.Events, events =>
        {
            replyTo.Tell(new OrderPlaced(Symbol, id));
            Announce(events);
        });
    }

    private void Cancel(CancelOrder command)
    {
        var outcome = venue.Cancel(command.Account, command.ClientOrderId);
        if (!outcome.IsCancelled)
        {
            Sender.Tell(new CancelRejected(Symbol, command.ClientOrderId, outcome.Reason ?? "not cancellable"));
            return;
        }

        PersistThen(outcome.Events, Announce);
    }

    private void Sync(SyncAccount command)
    {
        if (accountChannel.Register(command.Account, Sender) is { } previous) Context.Unwatch(previous);
        Context.Watch(Sender);

        var statuses = command.BelievedLive
            .Select(id => venue.OrderStatusOf(command.Account, id))
            .OfType<ExchangeOrderStatus>()
            .ToArray();
        Sender.Tell(new AccountSynced(Symbol, venue.FillsSince(command.Account, command.AfterFillSequence), statuses));
    }

    private void Close(CloseBook command)
    {
        var replyTo = Sender;
        if (closed)
        {
            replyTo.Tell(new BookClosedAck(Symbol));
            return;
        }

        closed = true;
        Timers.Cancel("market-tick");
        PersistThen(venue.Close(), _ => replyTo.Tell(new BookClosedAck(Symbol)));
    }

    /// <summary>Persists the events (in one batch) and runs <paramref name="after"/> once all are in the journal.</summary>
    private void PersistThen(IReadOnlyList<IExchangeEvent> events, Action<IReadOnlyList<IExchangeEvent>> after)
    {
        if (events.Count == 0)
        {
            after(events);
            return;
        }

        var last = events[^1];
        PersistAll(events, e =>
        {
            if (!ReferenceEquals(e, last)) return;
            SnapshotIfDue();
            after(events);
        });
    }

    /// <summary>Tells the owners of paper-trader accounts about their fills and cancels, then publishes market data.</summary>
    private void Announce(IReadOnlyList<IExchangeEvent> events)
    {
        var now = DateTimeOffset.UtcNow;
        var output = accountChannel.Announce(events, venue.LastFillSequence, now);
        foreach (var faultId in output.FaultsApplied) faultReporter.Tell(new FaultApplied(faultId, now));
        foreach (var (owner, push) in output.Deliveries) owner.Tell(Message(push));
        Publish(events.OfType<TradesExecuted>().SelectMany(batch => batch.Trades)
            .Select(t => new TradePrint(t.TradeId, t.Price, t.Quantity, t.Aggressor, t.SimTime))
            .ToList());
    }

    private object Message(AccountPush push) => push switch
    {
        FillPush fill => new AccountFillReport(fill.Fill),
        CancelPush cancel => new AccountOrderCancelled(Symbol, cancel.Cancel.ClientOrderId, cancel.Cancel.RemainingQuantity,
            cancel.Cancel.Reason, cancel.AccountFillSequence),
        _ => throw new ArgumentOutOfRangeException(nameof(push), push, "not an account push"),
    };

    private void SendAccountHeartbeats()
    {
        foreach (var (owner, lastFillSequence) in accountChannel.Heartbeats(venue.LastFillSequence, DateTimeOffset.UtcNow))
            owner.Tell(new AccountHeartbeat(Symbol, lastFillSequence));
    }

    /// <summary>A book that stops (crash, failed write, end of run) closes its account channels, like a dying server's
    /// sockets: owners sync again (and so re-register) as soon as it is back.</summary>
    protected override void PostStop()
    {
        foreach (var owner in accountChannel.Owners) owner.Tell(new AccountChannelClosed(Symbol));
        // A silence dies with the book; faults armed but not yet in effect are armed again once it is back.
        if (accountChannel.SilencedBy(DateTimeOffset.UtcNow) is { } silence)
            faultReporter.Tell(new FaultEffectEnded(silence, DateTimeOffset.UtcNow));
        base.PostStop();
    }

    private void ArmAccountChannelFault(InjectAccountChannelFault fault)
    {
        faultReporter = Sender;
        var now = DateTimeOffset.UtcNow;
        var (appliedNow, disconnected) = accountChannel.Arm(fault.FaultId, fault.Kind, fault.Duration, now);
        if (appliedNow is not { } faultId) return;
        faultReporter.Tell(new FaultApplied(faultId, now));
        foreach (var owner in disconnected)
        {
            Context.Unwatch(owner);
            owner.Tell(new AccountChannelClosed(Symbol));
        }
    }

    private void Publish(IReadOnlyList<TradePrint> prints) =>
        marketData.Tell(new BookPublished(Symbol, venue.Ticker(), venue.Depth(settings.Market.DepthLevels), prints));

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        metrics.Tell(new ReportError(ErrorKind.Database, ErrorSeverity.Error, PersistenceId,
            $"persist failed at sequence {sequenceNr}: {cause.Message}"));
        Context.System.EventStream.Publish(new EntityStopped(EntityKind.OrderBook, Symbol, DateTimeOffset.UtcNow));
        // What the base class does, with a warning instead of its error line (PersistFailureLog says why).
        PersistFailureLog.Write(log, cause, PersistenceId, @event, sequenceNr);
        Context.Stop(Self);
    }

    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        metrics.Tell(new ReportError(ErrorKind.Database, ErrorSeverity.Error, PersistenceId,
            $"persist rejected at sequence {sequenceNr}: {cause.Message}"));
        log.Error(cause, "Journal rejected {Event} at {SequenceNr}", @event.GetType().Name, sequenceNr);
        base.OnPersistRejected(cause, @event, sequenceNr);

        // The venue applied the event before it was persisted; stop so the back-off supervisor restarts the book
        // from what the journal really holds.
        Context.System.EventStream.Publish(new EntityStopped(EntityKind.OrderBook, Symbol, DateTimeOffset.UtcNow));
        Context.Stop(Self);
    }
}
