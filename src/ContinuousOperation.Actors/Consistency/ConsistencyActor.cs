using Akka.Actor;
using Akka.Event;
using ContinuousOperation.Actors.Monitoring;
using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Actors.Consistency;

/// <summary>
/// Reads the trader and exchange journals of one run back from the database (<see cref="RunJournalReader"/>) — those
/// of every symbol its manifest names, and any other the run wrote — and reconciles them with the pure
/// <see cref="RunningReconciliation"/>. During a run, <see cref="ReconcileRound"/> reads on from where the last round
/// stopped and reports new breaches at once; <see cref="Reconcile"/> then reads only the tail and applies every rule
/// (<see cref="ReconciliationRounds"/>). A <see cref="Reconcile"/> with no earlier round (the <c>reconcile</c> verb)
/// reads everything from scratch. One read at a time: the fold is not shared between threads.
/// </summary>
public sealed class ConsistencyActor : ReceiveActor, IWithUnboundedStash
{
    private readonly string readJournalPluginId;
    private readonly IActorRef metrics;
    private readonly ILoggingAdapter log = Context.GetLogger();
    private readonly ReconciliationRounds rounds = new();

    /// <param name="metrics">Where breaches are reported as errors of the run, each once, when first found;
    /// <see cref="ActorRefs.Nobody"/> outside a run (the <c>reconcile</c> verb prints its report instead).</param>
    public ConsistencyActor(string readJournalPluginId, IActorRef metrics)
    {
        this.readJournalPluginId = readJournalPluginId;
        this.metrics = metrics;
        Become(Idle);
    }

    public IStash Stash { get; set; } = null!;

    public static Props Props(string readJournalPluginId) => Props(readJournalPluginId, ActorRefs.Nobody);

    public static Props Props(string readJournalPluginId, IActorRef metrics) =>
        Akka.Actor.Props.Create(() => new ConsistencyActor(readJournalPluginId, metrics));

    private void Idle()
    {
        Receive<ReconcileRound>(round =>
        {
            var reconciliation = rounds.ForRound(round.Expected.Run);
            Read(reconciliation, round.Expected, replyTo: Sender, () =>
            {
                var found = reconciliation.EndRoundAtCut(DateTimeOffset.UtcNow);
                log.Info("Reconciliation round {Round}: {Events} new events read, {Violations} new violations",
                    reconciliation.Rounds, reconciliation.LastRoundEventsRead, found.Count);
                Report(found, logEach: true);
                return new RoundReconciled(found, reconciliation.LastRoundEventsRead);
            });
        });
        Receive<Reconcile>(reconcile =>
        {
            var reconciliation = rounds.ForClose(reconcile.Expected.Run);
            Read(reconciliation, reconcile.Expected, replyTo: Sender, () =>
            {
                var now = DateTimeOffset.UtcNow;
                var report = reconciliation.Close(reconcile.Expected, now);
                // Those found by earlier rounds were reported then. Before the reply, so that metrics has them by the
                // time the run asks it for its figures; not logged one by one, as the run's summary lists them.
                Report(report.Invariants.SelectMany(i => i.Violations).Where(v => v.FoundAt == now), logEach: false);
                return report;
            });
        });
    }

    private void Reading()
    {
        Receive<ReconcileRound>(_ => log.Info("Reconciliation round skipped: the previous one is still reading"));
        Receive<Reconcile>(_ => Stash.Stash());
        Receive<ReadFinished>(_ =>
        {
            Become(Idle);
            Stash.UnstashAll();
        });
    }

    /// <summary>Each breach as the run reports it: a critical consistency error. <paramref name="logEach"/>: also a
    /// log line, so that a breach found mid-run shows on the console when it is found.</summary>
    private void Report(IEnumerable<Violation> violations, bool logEach)
    {
        foreach (var violation in violations)
        {
            if (logEach)
                log.Error("Consistency violation found during the run: {Invariant} {Symbol}: {Detail}",
                    violation.Invariant, violation.Symbol, violation.Detail);
            metrics.Tell(new ReportError(ErrorKind.Consistency, ErrorSeverity.Critical, $"journal {violation.Symbol}",
                $"{violation.Invariant}: {violation.Detail}"));
        }
    }

    /// <summary>Reads off the actor thread (opening the SQL read journal blocks until the write journal has
    /// initialised), then replies with <paramref name="conclude"/>'s result, or <see cref="ReconciliationFailed"/>.
    /// The actor reads nothing else until this read is over.</summary>
    private void Read(RunningReconciliation reconciliation, JournalExpectation expected, IActorRef replyTo, Func<object> conclude)
    {
        Become(Reading);
        var (system, self) = (Context.System, Self);
        Task.Run(async () =>
        {
            try
            {
                await new RunJournalReader(system, readJournalPluginId, log).ReadOnAsync(reconciliation, expected);
                replyTo.Tell(conclude());
            }
            catch (Exception exception)
            {
                replyTo.Tell(Failed(exception));
            }
            finally
            {
                self.Tell(ReadFinished.Instance);
            }
        });
    }

    private ReconciliationFailed Failed(Exception exception)
    {
        var cause = exception is AggregateException aggregate ? aggregate.Flatten().InnerExceptions[0] : exception;
        var reason = $"{cause.GetType().Name}: {cause.Message}";
        // The reason only, not the stack: reconcile's console shows warnings and errors, and a damaged journal is an
        // operator's problem, not a program error.
        log.Error("Reconciliation failed: journals of {ReadJournal} could not be read: {Reason}", readJournalPluginId, reason);
        return new ReconciliationFailed(reason);
    }

    private sealed record ReadFinished
    {
        public static readonly ReadFinished Instance = new();
    }
}
