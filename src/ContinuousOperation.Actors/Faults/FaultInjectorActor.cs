using Akka.Actor;
using Akka.Event;
using ContinuousOperation.Actors.Monitoring;
using ContinuousOperation.Actors.Topology;
using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Actors.Faults;

/// <summary>
/// Injects the run's seeded faults at their times and keeps the account of each (<see cref="FaultLedger"/>). It only
/// breaks things: recovery is left to the system's own mechanisms, which announce it on the event stream
/// (<see cref="RecoverySignal"/>). A fault not recovered within its deadline is reported as an error. It reaches a
/// symbol's trader or book only through the traders and exchange seams, so it works the same on one node and in the
/// cluster; its clock starts on <see cref="StartFaults"/>.
/// </summary>
public sealed class FaultInjectorActor : ReceiveActor, IWithTimers
{
    private static readonly TimeSpan DeadlineCheckInterval = TimeSpan.FromSeconds(1);

    private readonly FaultInjectorSettings settings;
    private readonly IActorRef exchange;
    private readonly IActorRef traders;
    private readonly IActorRef metrics;
    private readonly IDatabaseOutage outage;
    private readonly INodeFaults? nodes;
    private readonly FaultLedger ledger;
    private readonly ILoggingAdapter log = Context.GetLogger();
    private readonly List<IActorRef> awaitingSettled = [];

    public FaultInjectorActor(
        FaultInjectorSettings settings, IActorRef exchange, IActorRef traders, IActorRef metrics, IDatabaseOutage outage,
        INodeFaults? nodes)
    {
        this.settings = settings;
        this.exchange = exchange;
        this.traders = traders;
        this.metrics = metrics;
        this.outage = outage;
        this.nodes = nodes;
        ledger = new FaultLedger(settings.Symbols);

        Receive<StartFaults>(_ => StartClock());
        Receive<Fire>(fire => Inject(fire.Fault));
        Receive<FaultApplied>(applied => InEffect(applied.FaultId, applied.At));
        Receive<RecoverySignal>(Observe);
        Receive<CheckDeadlines>(_ => Settle(ledger.TakeMissed(DateTimeOffset.UtcNow), "not recovered within its deadline"));
        Receive<NodeStruck>(struck => NodeDown(struck.Fault, struck.Strike));
        Receive<InjectionFailed>(failed =>
            ReportError(failed.Fault.Id, failed.Fault.Kind, failed.Fault.Target, $"could not be injected: {failed.Reason}"));
        Receive<AwaitFaultsSettled>(_ =>
        {
            // The run is ending: faults not yet due are not injected into the drain (the clock may have started late).
            foreach (var fault in settings.Schedule) Timers.Cancel($"fault-{fault.Id}");
            awaitingSettled.Add(Sender);
            AnswerIfSettled();
        });
        Receive<GetFaultReport>(_ => Sender.Tell(ledger.Report(settings.Profile)));
        Receive<CloseFaultReport>(_ =>
        {
            Timers.CancelAll();
            Settle(ledger.Close(), "still recovering when the run ended");
            Sender.Tell(ledger.Report(settings.Profile));
        });
    }

    /// <param name="nodes">How node faults strike (a cluster run's launcher); null where none are planned.</param>
    public static Props Props(
        FaultInjectorSettings settings, IActorRef exchange, IActorRef traders, IActorRef metrics, IDatabaseOutage outage,
        INodeFaults? nodes = null) =>
        Akka.Actor.Props.Create(() => new FaultInjectorActor(settings, exchange, traders, metrics, outage, nodes));

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(RecoverySignal));

    /// <summary>The schedule's times count from here: the coordinator starts the clock once the system is up.</summary>
    private void StartClock()
    {
        foreach (var fault in settings.Schedule)
            Timers.StartSingleTimer($"fault-{fault.Id}", new Fire(fault), settings.WallTimeOf(fault));
        Timers.StartPeriodicTimer("deadlines", CheckDeadlines.Instance, DeadlineCheckInterval);
    }

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private void Inject(ScheduledFault fault)
    {
        log.Info("Injecting fault #{FaultId} {Kind} on {Target}", fault.Id, fault.Kind.Name(), fault.Target);
        if (fault.Kind.IsNodeFault())
        {
            StrikeNode(fault);
            return;
        }

        ledger.Injected(fault, DateTimeOffset.UtcNow);
        if (fault.Kind == FaultKind.DatabaseOutage) HoldOutage(fault);
        else Arm(fault);
    }

    /// <summary>Hands the fault to the actor that makes it happen; that actor tells when it takes effect.</summary>
    private void Arm(ScheduledFault fault)
    {
        switch (fault.Kind)
        {
            case FaultKind.TraderCrash:
                traders.Tell(new ForSymbol(fault.Symbol!.Value, new InjectCrash(fault.Id)));
                break;
            case FaultKind.OrderBookCrash:
                exchange.Tell(new ForSymbol(fault.Symbol!.Value, new InjectCrash(fault.Id)));
                break;
            case FaultKind.ExchangeCrash:
                exchange.Tell(new InjectCrash(fault.Id));
                break;
            case FaultKind.RequestTimeout or FaultKind.RequestError:
                exchange.Tell(new InjectRequestFaults(fault.Id, fault.Symbol!.Value, fault.Kind, fault.Count));
                break;
            case var stream when stream.IsStreamFault() && fault.Channel == StreamChannel.Account:
                exchange.Tell(new InjectAccountChannelFault(fault.Id, fault.Symbol!.Value, fault.Kind, fault.Duration));
                break;
            default:
                exchange.Tell(new InjectMarketDataFault(fault.Id, fault.Symbol!.Value, fault.Kind, fault.Duration));
                break;
        }
    }

    /// <summary>Errors are put down to a fault only once it is in effect: one that never takes effect explains nothing.</summary>
    private void InEffect(int faultId, DateTimeOffset at)
    {
        if (ledger.Applied(faultId, at) is not { } record) return;
        var fault = settings.Schedule.First(f => f.Id == faultId);
        metrics.Tell(new FaultInEffect(fault.Id, fault.Kind, fault.Symbol));
        if (record.Outcome == FaultOutcome.Recovered) Recovered(record);
        AnswerIfSettled();
    }

    /// <summary>A node fault is accounted from the moment it struck, by the entities its node hosted then.</summary>
    private void StrikeNode(ScheduledFault fault)
    {
        if (nodes is null)
        {
            ReportError(fault.Id, fault.Kind, fault.Target, "could not be injected: this run has no nodes to strike");
            return;
        }

        nodes.StrikeAsync(fault, CancellationToken.None).PipeTo(Self,
            success: strike => new NodeStruck(fault, strike),
            failure: ex => new InjectionFailed(fault, ex.GetBaseException().Message));
    }

    private void NodeDown(ScheduledFault fault, NodeStrike strike)
    {
        log.Info("Fault #{FaultId} {Kind} struck {Target}, which hosted {Entities} entities", fault.Id, fault.Kind.Name(),
            fault.Target, strike.Hosted.Count);
        var record = ledger.NodeFaultInjected(fault, strike.At, strike.Hosted);
        metrics.Tell(new FaultInEffect(fault.Id, fault.Kind, fault.Symbol));
        if (record.Outcome == FaultOutcome.Recovered) Recovered(record);
        AnswerIfSettled();
    }

    /// <summary>The outage runs on its own: it tells when writes start failing and publishes when they work again.</summary>
    private void HoldOutage(ScheduledFault fault)
    {
        var self = Self;
        var events = Context.System.EventStream;
        _ = Task.Run(async () =>
        {
            try
            {
                await using (await outage.BeginAsync(CancellationToken.None))
                {
                    self.Tell(new FaultApplied(fault.Id, DateTimeOffset.UtcNow));
                    await Task.Delay(fault.Duration);
                }

                events.Publish(new FaultEffectEnded(fault.Id, DateTimeOffset.UtcNow));
            }
            catch (Exception ex)
            {
                self.Tell(new InjectionFailed(fault, ex.GetBaseException().Message));
            }
        });
    }

    private void Observe(RecoverySignal signal)
    {
        foreach (var recovered in ledger.Observe(signal)) Recovered(recovered);
        if (signal is EntityRecovered back) Rearm(back);
        AnswerIfSettled();
    }

    private void Recovered(FaultRecord fault)
    {
        log.Info("Fault #{FaultId} {Kind} on {Target} recovered in {TimeToRecover}", fault.Id, fault.Kind.Name(),
            fault.Target, fault.TimeToRecover);
        metrics.Tell(new FaultSettled(fault.Id));
    }

    /// <summary>A fault that came while its target was down, or that its target lost in a restart, is armed again
    /// once the target is back: it takes effect late, but it takes effect.</summary>
    private void Rearm(EntityRecovered back)
    {
        foreach (var fault in ledger.ToRearm(back))
        {
            log.Info("Arming fault #{FaultId} {Kind} on {Target} again: it had not taken effect when its target (re)started",
                fault.Id, fault.Kind.Name(), fault.Target);
            Arm(fault);
        }
    }

    private void Settle(IReadOnlyList<FaultRecord> missed, string why)
    {
        foreach (var fault in missed)
        {
            ReportError(fault.Id, fault.Kind, fault.Target, why);
            metrics.Tell(new FaultSettled(fault.Id));
        }

        AnswerIfSettled();
    }

    private void ReportError(int faultId, FaultKind kind, string target, string why) =>
        metrics.Tell(new ReportError(ErrorKind.Fault, ErrorSeverity.Error, target, $"fault #{faultId} {kind.Name()} {why}"));

    private void AnswerIfSettled()
    {
        if (ledger.HasPending || awaitingSettled.Count == 0) return;
        awaitingSettled.ForEach(a => a.Tell(FaultsSettled.Instance));
        awaitingSettled.Clear();
    }

    private sealed record Fire(ScheduledFault Fault);

    /// <summary>A database outage or a node fault that could not be made to happen.</summary>
    private sealed record InjectionFailed(ScheduledFault Fault, string Reason);

    private sealed record NodeStruck(ScheduledFault Fault, NodeStrike Strike);

    private sealed record CheckDeadlines
    {
        public static readonly CheckDeadlines Instance = new();
    }
}
