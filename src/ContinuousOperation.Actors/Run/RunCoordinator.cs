using System.Diagnostics;
using Akka.Actor;
using Akka.Event;
using ContinuousOperation.Actors.Consistency;
using ContinuousOperation.Actors.Exchange;
using ContinuousOperation.Actors.Faults;
using ContinuousOperation.Actors.Monitoring;
using ContinuousOperation.Actors.Topology;
using ContinuousOperation.Actors.Trading;
using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Actors.Run;

/// <summary>
/// Owns one run's lifecycle, over the parts the composition root built and handed in (<see cref="RunParts"/>): once
/// every book and trader is up, start the fault clock (if the run has faults); trade until the deadline (or
/// <see cref="StopRun"/>), let faults still recovering finish (within their deadlines), then drain (traders stop and
/// cancel, books write their closing records, each asked through its symbol seam), reconcile the journals, collect the
/// metrics and the fault report, and answer <see cref="WaitForRunOutcome"/>. A part that stops for good (its
/// supervisor gave up) is a critical error. While the run trades, the journals are reconciled in rounds every
/// <see cref="RunSettings.ReconcileInterval"/>, so the end of the run reads only their tail. Every
/// <see cref="CheckpointInterval"/> it records the segment's progress (<see cref="RunCheckpoint"/>: run time, fault
/// clock, simulated clock, counters, errors, faults) so that a run killed with <c>kill -9</c> can be resumed; a
/// resumed run (<see cref="RunHistory"/>) runs what is left of its duration.
/// </summary>
public sealed class RunCoordinator : ReceiveActor, IWithTimers
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(30);

    /// <summary>What each symbol adds to the drain's and the close's timeouts: both wait for every symbol, whose
    /// cancels and closing records queue on one journal, so a fixed wait that suits 10 symbols fails 1,000.</summary>
    private static readonly TimeSpan EndOfRunAllowancePerSymbol = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan ReconcileTimeout = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan SnapshotTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How much of a killed segment a resumed run may run again: checkpoints are small (bounded error groups
    /// and fault timeline), so every few seconds costs nothing.</summary>
    public static readonly TimeSpan CheckpointInterval = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(1);

    private readonly ILoggingAdapter log = Context.GetLogger();
    private readonly List<IActorRef> waiting = [];
    private readonly RunParts parts;
    private readonly RunSettings settings;
    private readonly RunHistory history;
    private readonly RunSegment segment;
    private readonly SegmentProgressGathering gathering;
    private readonly IRunProgress? progress;
    private RunOutcome? outcome;

    public RunCoordinator(RunSettings settings, RunParts parts, RunHistory history, IRunProgress? progress)
    {
        this.settings = settings;
        this.parts = parts;
        this.history = history;
        this.progress = progress;
        segment = new RunSegment(settings, history, DateTimeOffset.UtcNow);
        gathering = new SegmentProgressGathering(parts.Metrics, parts.Exchange, settings.Symbols);
        foreach (var part in parts.Watched) Context.Watch(part);
        if (parts.Faults is not null) StartFaultsOnceUp();
        KeepEntitiesStarted();

        Receive<WaitForRunOutcome>(_ =>
        {
            if (outcome is null) waiting.Add(Sender);
            else Sender.Tell(outcome);
        });
        Receive<StopRun>(_ => Finish(interrupted: true));
        Receive<RunDeadline>(_ => Finish(interrupted: false));
        Receive<RunOutcome>(done =>
        {
            outcome = done;
            waiting.ForEach(w => w.Tell(done));
            waiting.Clear();
        });
        Receive<Terminated>(t =>
        {
            if (outcome is not null) return;
            parts.Metrics.Tell(new ReportError(ErrorKind.Actor, ErrorSeverity.Critical, t.ActorRef.Path.Name,
                "stopped for good: its supervisor gave up"));
        });

        Timers.StartSingleTimer("deadline", RunDeadline.Instance, segment.Remaining);
        if (progress is not null) Checkpoints();
        Timers.StartPeriodicTimer(nameof(ReconcileRound), new ReconcileRound(Unfinished), settings.ReconcileInterval);
        Receive<ReconcileRound>(round => parts.Consistency.Tell(round));
        // A round reports its breaches to metrics itself; a round that could not read is logged by the consistency actor
        // and the next one reads on.
        Receive<RoundReconciled>(_ => { });
        Receive<ReconciliationFailed>(_ => { });
        log.Info("Run started: {Symbols} symbols for {Duration}, seed {Seed}, market {Market}, speed {Speed}x",
            settings.Instruments.Count, settings.Duration, settings.Seed, settings.Market.Condition, settings.Speed);
        if (history.IsResumed)
        {
            log.Info("Run resumed as segment {Segment}: {RunTime} already run, {Remaining} left; the market resumes at simulated {Simulated}",
                history.NextSegment, history.RunTime, segment.Remaining, history.SimulatedEnd);
        }
    }

    /// <summary>What an intermediate round checks: this run's journals, not drained yet.</summary>
    private JournalExpectation Unfinished => new(settings.Run, settings.Symbols.ToArray(), Drained: false);

    public static Props Props(RunSettings settings, RunParts parts, RunHistory history, IRunProgress? progress) =>
        Akka.Actor.Props.Create(() => new RunCoordinator(settings, parts, history, progress));

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>The fault clock starts when every book and trader is up (or after <see cref="FaultClockCap"/> if one
    /// never comes up: its faults then find it down, as they would later in the run). Faults fired at a system still
    /// starting would land on nothing, and whether they break anything would depend on how fast it started.</summary>
    private void StartFaultsOnceUp()
    {
        void Start(string why)
        {
            if (!segment.StartFaultClock(DateTimeOffset.UtcNow)) return;
            Context.System.EventStream.Unsubscribe(Self, typeof(EntityRecovered));
            Timers.Cancel(nameof(FaultClockCap));
            log.Info("Fault clock started: {Reason}", why);
            parts.Faults!.Tell(StartFaults.Instance);
        }

        // Subscribed before the first EnsureStarted brings anything up, so that no announcement can be missed.
        Context.System.EventStream.Subscribe(Self, typeof(EntityRecovered));
        var readiness = new ReadinessGate(settings.Symbols);
        Receive<EntityRecovered>(up =>
        {
            if (readiness.Observe(up)) Start("every book and trader is up");
        });
        Receive<FaultClockCap>(_ => Start($"not every book and trader was up after {FaultClockCap.After}"));
        Timers.StartSingleTimer(nameof(FaultClockCap), FaultClockCap.Instance, FaultClockCap.After);
    }

    /// <summary>Entities start when a message comes for them; this is the message, for every symbol, every
    /// <see cref="KeepAliveInterval"/>: an entity whose node was lost starts again on a surviving one.</summary>
    private void KeepEntitiesStarted()
    {
        Receive<KeepAlive>(_ =>
        {
            foreach (var symbol in settings.Symbols)
            {
                parts.Exchange.Tell(new EnsureStarted(symbol));
                parts.Traders.Tell(new EnsureStarted(symbol));
            }
        });
        Self.Tell(KeepAlive.Instance);
        Timers.StartPeriodicTimer(nameof(KeepAlive), KeepAlive.Instance, KeepAliveInterval);
    }

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private void Finish(bool interrupted)
    {
        if (!segment.Finish()) return;
        Timers.Cancel("deadline");
        Timers.Cancel(nameof(ReconcileRound));
        // A kill from here on leaves the last checkpoint: a resume runs the rest of the drain as a short segment.
        Timers.Cancel(nameof(TakeCheckpoint));
        log.Info(interrupted ? "Run interrupted: draining" : "Run duration reached: draining");
        // Made here, on the coordinator's thread: the steps below run off it.
        var tradersDrain = Context.ActorOf(TradersDrain.Props(parts.Traders, settings.Symbols.ToArray()), "drain");
        DrainReconcileAndCollect(interrupted, tradersDrain)
            .PipeTo(Self, failure: ex => new RunFailed($"the end of the run failed: {ex.GetBaseException().Message}"));
    }

    private async Task<RunOutcome> DrainReconcileAndCollect(bool interrupted, IActorRef tradersDrain)
    {
        var (metrics, faults) = (parts.Metrics, parts.Faults);
        if (faults is not null)
            await Step("let injected faults recover", () => faults.Ask<FaultsSettled>(AwaitFaultsSettled.Instance, segment.LongestRecovery));
        metrics.Tell(TradingEnded.Instance);
        await Step("drain traders", () => tradersDrain.Ask<AllTradersDrained>(StopTrading.Instance, ForEverySymbol(DrainTimeout)));
        await Step("close books", () => Task.WhenAll(settings.Symbols.Select(symbol =>
            parts.Exchange.Ask<BookClosedAck>(new CloseBook(symbol), ForEverySymbol(CloseTimeout)))));

        var reconciling = Stopwatch.StartNew();
        var expected = new JournalExpectation(settings.Run, settings.Symbols.ToArray(), Drained: true);
        var reconciled = await parts.Consistency.Ask<object>(new Reconcile(expected), ReconcileTimeout);
        log.Info("Reconciled the journals in {Elapsed}", reconciling.Elapsed);
        if (reconciled is not ConsistencyReport report)
            return new RunFailed($"journals could not be read back: {(reconciled as ReconciliationFailed)?.Reason}");

        var faultReport = faults is null
            ? FaultReport.None
            : await faults.Ask<FaultReport>(CloseFaultReport.Instance, SnapshotTimeout);
        var snapshot = await metrics.Ask<MetricsSnapshot>(GetMetricsSnapshot.Instance, SnapshotTimeout);
        var simulatedEnd = await gathering.SimulatedClock();
        return new RunCompleted(snapshot, report, faultReport, interrupted, segment.StartedAt, DateTimeOffset.UtcNow)
        {
            SimulatedClock = segment.SimulatedClock(simulatedEnd),
        };
    }

    private TimeSpan ForEverySymbol(TimeSpan timeout) => timeout + EndOfRunAllowancePerSymbol * settings.Instruments.Count;

    private void Checkpoints()
    {
        Receive<TakeCheckpoint>(_ =>
        {
            if (!segment.BeginCheckpoint()) return;
            gathering.Gather(parts.Faults).PipeTo(Self, failure: ex => new CheckpointFailed(ex.GetBaseException().Message));
        });
        Receive<ProgressGathered>(gathered =>
        {
            var checkpoint = segment.Checkpoint(
                gathered.At, gathered.Simulated, gathered.Tally.Counters, gathered.Tally.Errors, gathered.Faults);
            try
            {
                progress!.Save(checkpoint);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Only a resume needs it; the run itself goes on, and the next checkpoint tries again.
                log.Warning("Run progress could not be recorded ({Reason}); a resume would repeat more of this segment", ex.Message);
            }
        });
        Receive<CheckpointFailed>(failed =>
        {
            segment.CheckpointFailed();
            log.Warning("Run progress could not be gathered ({Reason}); the next checkpoint tries again", failed.Reason);
        });
        Self.Tell(TakeCheckpoint.Instance);
        Timers.StartPeriodicTimer(nameof(TakeCheckpoint), TakeCheckpoint.Instance, CheckpointInterval);
    }

    /// <summary>A drain step that times out is an error of the run, not a reason to skip reconciliation.</summary>
    private async Task Step(string name, Func<Task> step)
    {
        var elapsed = Stopwatch.StartNew();
        try
        {
            await step();
            log.Info("Step {Step} done in {Elapsed}", name, elapsed.Elapsed);
        }
        catch (Exception ex)
        {
            parts.Metrics.Tell(new ReportError(ErrorKind.Actor, ErrorSeverity.Error, "run", $"{name} failed: {ex.Message}"));
        }
    }

    private sealed record FaultClockCap
    {
        public static readonly TimeSpan After = TimeSpan.FromSeconds(30);
        public static readonly FaultClockCap Instance = new();
    }

    private sealed record KeepAlive
    {
        public static readonly KeepAlive Instance = new();
    }

    private sealed record TakeCheckpoint
    {
        public static readonly TakeCheckpoint Instance = new();
    }

    private sealed record CheckpointFailed(string Reason);

    private sealed record RunDeadline
    {
        public static readonly RunDeadline Instance = new();
    }
}
