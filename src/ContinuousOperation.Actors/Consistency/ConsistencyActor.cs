using Akka.Actor;
using Akka.Event;
using Akka.Persistence.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Actors.Consistency;

/// <summary>
/// Reads the trader and exchange journals of one run back from the database through Akka.Persistence.Query — those
/// of every symbol its manifest names, and any other the run wrote — and reconciles them with the pure
/// <see cref="Reconciler"/>. Each event is serialized again with the system's serializer for it (the one that wrote
/// it), so the journal digests cover the bytes as stored. Only the standard "current" query interfaces are used, so
/// any journal plugin with a read journal works (Akka.Persistence.Sql on SQLite or PostgreSQL, or any other).
/// </summary>
public sealed class ConsistencyActor : ReceiveActor
{
    private readonly string readJournalPluginId;
    private readonly ILoggingAdapter log = Context.GetLogger();

    public ConsistencyActor(string readJournalPluginId)
    {
        this.readJournalPluginId = readJournalPluginId;
        Receive<Reconcile>(reconcile =>
        {
            var system = Context.System;
            // Off the actor thread: opening the SQL read journal blocks until the write journal has initialised.
            Task.Run(() => ReconcileAsync(system, reconcile.Expected)).PipeTo(Sender, success: report => report, failure: Failed);
        });
    }

    public static Props Props(string readJournalPluginId) =>
        Akka.Actor.Props.Create(() => new ConsistencyActor(readJournalPluginId));

    private async Task<ConsistencyReport> ReconcileAsync(ActorSystem system, JournalExpectation expected)
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
        var folds = new List<SymbolJournalFold>();
        foreach (var symbol in symbols)
        {
            var fold = new SymbolJournalFold(expected.Run, symbol);
            await ReadJournal(events, JournalNames.Trader(expected.Run, symbol), materializer,
                (seqNr, e) => fold.AddTraderEvent(seqNr, As<ITraderEvent>(e, seqNr, symbol), serialization.Serialize(e)));
            await ReadJournal(events, JournalNames.Exchange(expected.Run, symbol), materializer,
                (seqNr, e) => fold.AddExchangeEvent(seqNr, As<IExchangeEvent>(e, seqNr, symbol), serialization.Serialize(e)));
            folds.Add(fold);
        }

        return Reconciler.Summarise(expected, folds);
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

    private static Task ReadJournal(
        ICurrentEventsByPersistenceIdQuery events, string persistenceId, IMaterializer materializer,
        Action<long, object> add) =>
        events.CurrentEventsByPersistenceId(persistenceId, 0L, long.MaxValue)
            .RunForeach(envelope => add(envelope.SequenceNr, envelope.Event), materializer);

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
}
