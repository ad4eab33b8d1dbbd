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
/// The account channel (pushes to
/// the paper trader) can be tampered with by injected faults, like a real private stream.
/// </summary>
public sealed class OrderBookActor : SnapshottingActor<VenueSnapshot>, IWithTimers
{
    private readonly BookSettings settings;
    private readonly IActorRef marketData;
    private readonly IActorRef metrics;
    private readonly ILoggingAdapter log = Context.GetLogger();
    private static readonly TimeSpan AccountHeartbeatInterval = TimeSpan.FromSeconds(1);
    private readonly Dictionary<AccountId, IActorRef> accountOwners = new();
    private readonly StreamTamper<object> accountChannel = new();
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
        Command<Terminated>(t => RemoveOwner(t.ActorRef));
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

        Timers.StartPeriodicTimer("market-tick", MarketTick.Instance, settings.TickInterval);
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
        if (accountOwners.TryGetValue(command.Account, out var previous) && !previous.Equals(Sender))
            Context.Unwatch(previous);
        accountOwners[command.Account] = Sender;
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
        var prints = new List<TradePrint>();
        foreach (var e in events)
        {
            switch (e)
            {
                case TradesExecuted batch:
                    foreach (var trade in batch.Trades)
                    {
                        prints.Add(new TradePrint(trade.TradeId, trade.Price, trade.Quantity, trade.Aggressor, trade.SimTime));
                        PushFill(trade, trade.Buyer, Side.Buy);
                        PushFill(trade, trade.Seller, Side.Sell);
                    }

                    break;
                case ExchangeOrderCancelled cancelled when cancelled.Account.IsPaperTrader:
                    // Cancels are the last event of their batch, so the account's current fill sequence is the one
                    // the cancel happened at.
                    SendToOwner(cancelled.Account, new AccountOrderCancelled(Symbol, cancelled.ClientOrderId,
                        cancelled.RemainingQuantity, cancelled.Reason, venue.LastFillSequence(cancelled.Account)));
                    break;
            }
        }

        Publish(prints);
    }

    private void PushFill(TradeExecuted trade, TradeLeg leg, Side side)
    {
        if (leg.Account.IsPaperTrader)
            SendToOwner(leg.Account, new AccountFillReport(AccountFill.From(trade, leg, side)));
    }

    /// <summary>Every push of the account channel goes through the tamper, which injected faults arm.</summary>
    private void SendToOwner(AccountId account, object message)
    {
        if (OwnerOf(account) is not { } owner) return;
        var now = DateTimeOffset.UtcNow;
        var (deliver, applied) = accountChannel.Pass(message, now);
        // The fault took effect before the owner can react to it: its recovery is stamped later.
        if (applied is { } faultId) faultReporter.Tell(new FaultApplied(faultId, now));
        foreach (var push in deliver) owner.Tell(push);
    }

    private void SendAccountHeartbeats()
    {
        if (accountChannel.IsSilent(DateTimeOffset.UtcNow)) return;
        foreach (var (account, owner) in accountOwners)
            owner.Tell(new AccountHeartbeat(Symbol, venue.LastFillSequence(account)));
    }

    /// <summary>A book that stops (crash, failed write, end of run) closes its account channels, like a dying server's
    /// sockets: owners sync again (and so re-register) as soon as it is back.</summary>
    protected override void PostStop()
    {
        foreach (var owner in accountOwners.Values) owner.Tell(new AccountChannelClosed(Symbol));
        // A silence dies with the book; faults armed but not yet in effect are armed again once it is back.
        if (accountChannel.SilencedBy(DateTimeOffset.UtcNow) is { } silence)
            faultReporter.Tell(new FaultEffectEnded(silence, DateTimeOffset.UtcNow));
        base.PostStop();
    }

    private void ArmAccountChannelFault(InjectAccountChannelFault fault)
    {
        faultReporter = Sender;
        var now = DateTimeOffset.UtcNow;
        if (accountChannel.Arm(fault.FaultId, fault.Kind, fault.Duration, now) is not { } appliedNow) return;
        faultReporter.Tell(new FaultApplied(appliedNow, now));
        if (fault.Kind != FaultKind.StreamDisconnect) return;
        foreach (var owner in accountOwners.Values)
        {
            Context.Unwatch(owner);
            owner.Tell(new AccountChannelClosed(Symbol));
        }

        accountOwners.Clear();
    }

    private void Publish(IReadOnlyList<TradePrint> prints) =>
        marketData.Tell(new BookPublished(Symbol, venue.Ticker(), venue.Depth(settings.Market.DepthLevels), prints));

    private IActorRef? OwnerOf(AccountId account) => accountOwners.GetValueOrDefault(account);

    private void RemoveOwner(IActorRef owner)
    {
        foreach (var account in accountOwners.Where(kv => kv.Value.Equals(owner)).Select(kv => kv.Key).ToArray())
            accountOwners.Remove(account);
    }

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        metrics.Tell(new ReportError(ErrorKind.Database, ErrorSeverity.Error, PersistenceId,
            $"persist failed at sequence {sequenceNr}: {cause.Message}"));
        Context.System.EventStream.Publish(new EntityStopped(EntityKind.OrderBook, Symbol, DateTimeOffset.UtcNow));
        base.OnPersistFailure(cause, @event, sequenceNr);
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
