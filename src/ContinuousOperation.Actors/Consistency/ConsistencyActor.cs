using System.Diagnostics;
using Akka.Actor;
using Akka.Event;
using Akka.Persistence.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using ContinuousOperation.Actors.Monitoring;
using ContinuousOperation.Actors.Persistence;
using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Actors.Consistency;

/// <summary>
/// Reads the trader and exchange journals of one run back from the database through Akka.Persistence.Query — those
/// of every symbol its manifest names, and any other the run wrote — and reconciles them with the pure
/// <see cref="RunningReconciliation"/>. During a run, <see cref="ReconcileRound"/> reads on from where the last round
/// stopped and reports new breaches at once; <see cref="Reconcile"/> then reads only the tail and applies every rule.
/// A <see cref="Reconcile"/> with no earlier round (the <c>reconcile</c> verb) reads everything from scratch.
/// Each event is serialized again with the serializer that wrote its row (<see cref="JournalEventSerializer.StoredBytes"/>),
/// so the journal digests cover the bytes as stored. Only the standard "current" query interfaces are used, so any journal plugin with a read
/// journal works. One read at a time: the fold is not shared between threads.
/// </summary>
public sealed class ConsistencyActor : ReceiveActor, IWithUnboundedStash
{
    /// <summary>How often a long read logs its progress.</summary>
    public static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(5);

    /// <summary>Events read from one journal before the reader looks again at which journal lags.</summary>
    private const int ChunkEvents = 5_000;

    private readonly string readJournalPluginId;
    private readonly IActorRef metrics;
    private readonly ILoggingAdapter log = Context.GetLogger();
    private RunningReconciliation? running;

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
            var reconciliation = RunningFor(round.Expected);
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
            var reconciliation = RunningFor(reconcile.Expected);
            running = null; // the run is over: a later Reconcile starts from scratch
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

    private RunningReconciliation RunningFor(JournalExpectation expected) =>
        running is { } current && current.Run == expected.Run ? current : running = new RunningReconciliation(expected.Run);

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
                await ReadOnAsync(system, reconciliation, expected);
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

    private async Task ReadOnAsync(ActorSystem system, RunningReconciliation reconciliation, JournalExpectation expected)
    {
        var journal = OpenReadJournal(system);
        if (journal is not (ICurrentPersistenceIdsQuery ids and ICurrentEventsByPersistenceIdQuery events))
        {
            throw new NotSupportedException(
                $"Read journal '{readJournalPluginId}' does not offer current persistence ids and current events by persistence id");
        }

        var materializer = system.Materializer();
        var persistenceIds = await ids.CurrentPersistenceIds().RunWith(Sink.Seq<string>(), materializer);
        var symbols = expected.Symbols.Union(JournalSymbols.In(persistenceIds, expected.Run));
        var serialization = system.Serialization;
        var progress = new ProgressReporter(system, log, expected.Recorded?.Sum(r => r.Events) - reconciliation.EventsRead);
        foreach (var symbol in symbols)
        {
            var fold = reconciliation.FoldOf(symbol);
            var (trader, venue) = (JournalNames.Trader(expected.Run, symbol), JournalNames.Exchange(expected.Run, symbol));
            void AddTrader(long seqNr, object e)
            {
                fold.AddTraderEvent(seqNr, As<ITraderEvent>(e, seqNr, symbol), JournalEventSerializer.StoredBytes(serialization, e));
                progress.Read();
            }
            void AddVenue(long seqNr, object e)
            {
                fold.AddExchangeEvent(seqNr, As<IExchangeEvent>(e, seqNr, symbol), JournalEventSerializer.StoredBytes(serialization, e));
                progress.Read();
            }

            // Reading on in whichever journal lags keeps the fold small (SymbolJournalFold.VenueLagsTrader); when
            // neither does (no fill for a while), the two take turns. The venue journal is read last, after the
            // trader's last read: every fill the trader applied is then in what is read of it (a consistent cut).
            var (traderDone, venueDone, traderReadLast) = (false, false, false);
            while (!traderDone || !venueDone)
            {
                traderReadLast = !traderDone && (venueDone || (!fold.VenueLagsTrader && !traderReadLast));
                if (traderReadLast)
                {
                    traderDone = await ReadChunk(events, trader, fold.NextSequenceNrs.Trader, materializer, AddTrader) < ChunkEvents;
                    venueDone = false;
                }
                else
                    venueDone = await ReadChunk(events, venue, fold.NextSequenceNrs.Exchange, materializer, AddVenue) < ChunkEvents;
            }
        }
    }

    private IReadJournal OpenReadJournal(ActorSystem system)
    {
        try
        {
            return PersistenceQuery.Get(system).ReadJournalFor<IReadJournal>(readJournalPluginId);
        }
        catch (Exception exception)
        {
            // The plugin reports an unreachable or corrupt database only as a timeout here (the cause is in its own
            // log), so say what it means.
            var cause = exception.GetBaseException();
            throw new InvalidOperationException(
                $"Read journal '{readJournalPluginId}' could not be opened ({cause.GetType().Name}: {cause.Message}); " +
                "is the journal database reachable and intact?", exception);
        }
    }

    /// <summary>Reads up to <see cref="ChunkEvents"/> events of one journal from <paramref name="fromSequenceNr"/> on;
    /// fewer means the journal's current end was reached.</summary>
    private static async Task<int> ReadChunk(
        ICurrentEventsByPersistenceIdQuery events, string persistenceId, long fromSequenceNr, IMaterializer materializer,
        Action<long, object> add)
    {
        var read = 0;
        await events.CurrentEventsByPersistenceId(persistenceId, fromSequenceNr, long.MaxValue)
            .Take(ChunkEvents)
            .RunForeach(envelope =>
            {
                add(envelope.SequenceNr, envelope.Event);
                read++;
            }, materializer);
        return read;
    }

    /// <summary>An event of the wrong family means the journal is not one this build can reconcile; that is a read
    /// failure, not an invariant violation.</summary>
    private static T As<T>(object e, long sequenceNr, Symbol symbol) => e is T typed
        ? typed
        : throw new InvalidDataException(
            $"Unexpected {e.GetType().Name} at sequence number {sequenceNr} in a {typeof(T).Name} journal of {symbol}");

    private ReconciliationFailed Failed(Exception exception)
    {
        var cause = exception is AggregateException aggregate ? aggregate.Flatten().InnerExceptions[0] : exception;
        var reason = $"{cause.GetType().Name}: {cause.Message}";
        // The reason only, not the stack: reconcile's console shows warnings and errors, and a damaged journal is an
        // operator's problem, not a program error.
        log.Error("Reconciliation failed: journals of {ReadJournal} could not be read: {Reason}", readJournalPluginId, reason);
        return new ReconciliationFailed(reason);
    }

    /// <summary>Counts the events of one read and, every <see cref="ProgressEvery"/>, logs the progress and publishes
    /// it on the event stream.</summary>
    private sealed class ProgressReporter(ActorSystem system, ILoggingAdapter log, long? total)
    {
        private readonly Stopwatch _elapsed = Stopwatch.StartNew();
        private TimeSpan _next = ProgressEvery;
        private long _read;

        public void Read()
        {
            _read++;
            if (_elapsed.Elapsed < _next) return;
            _next = _elapsed.Elapsed + ProgressEvery;
            var progress = new ReadProgress(_read, _elapsed.Elapsed, total);
            log.Info(ReadProgress.Template, progress.Values);
            system.EventStream.Publish(new ReconciliationProgress(progress));
        }
    }

    private sealed record ReadFinished
    {
        public static readonly ReadFinished Instance = new();
    }
}
