using System.Diagnostics;
using Akka.Actor;
using Akka.Event;
using Akka.Persistence.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using ContinuousOperation.Actors.Persistence;
using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Actors.Consistency;

/// <summary>
/// Reads journals of one run into a <see cref="RunningReconciliation"/> through Akka.Persistence.Query, chunk by chunk
/// as each symbol's <see cref="SymbolReadSchedule"/> asks. Each event is serialized again with the serializer that wrote
/// its row (<see cref="JournalEventSerializer.StoredBytes"/>), so the journal digests cover the bytes as stored. Only
/// the standard "current" query interfaces are used, so any journal plugin with a read journal works.
/// </summary>
internal sealed class RunJournalReader(ActorSystem system, string readJournalPluginId, ILoggingAdapter log)
{
    /// <summary>How often a long read logs its progress.</summary>
    public static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(5);

    public async Task ReadOnAsync(RunningReconciliation reconciliation, JournalExpectation expected)
    {
        var journal = OpenReadJournal();
        if (journal is not (ICurrentPersistenceIdsQuery ids and ICurrentEventsByPersistenceIdQuery events))
        {
            throw new NotSupportedException(
                $"Read journal '{readJournalPluginId}' does not offer current persistence ids and current events by persistence id");
        }

        var materializer = system.Materializer();
        var persistenceIds = await ids.CurrentPersistenceIds().RunWith(Sink.Seq<string>(), materializer);
        var serialization = system.Serialization;
        var progress = new ProgressReporter(system.EventStream, log, reconciliation.EventsLeft(expected));
        foreach (var schedule in reconciliation.ReadSchedule(expected, JournalSymbols.In(persistenceIds, expected.Run)))
        {
            var (fold, symbol) = (schedule.Fold, schedule.Fold.Symbol);
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

            while (schedule.Next() is { } read)
                schedule.Completed(read, await ReadChunk(events, read, materializer, read.Journal == SymbolJournal.Trader ? AddTrader : AddVenue));
        }
    }

    private IReadJournal OpenReadJournal()
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

    /// <summary>Reads one chunk the schedule asked for and returns how many events it held.</summary>
    private static async Task<int> ReadChunk(
        ICurrentEventsByPersistenceIdQuery events, JournalRead chunk, IMaterializer materializer, Action<long, object> add)
    {
        var read = 0;
        await events.CurrentEventsByPersistenceId(chunk.PersistenceId, chunk.FromSequenceNr, long.MaxValue)
            .Take(chunk.MaxEvents)
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

    /// <summary>Counts the events of one read and, every <see cref="ProgressEvery"/>, logs the progress and publishes
    /// it on the event stream.</summary>
    private sealed class ProgressReporter(EventStream events, ILoggingAdapter progressLog, long? total)
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
            progressLog.Info(ReadProgress.Template, progress.Values);
            events.Publish(new ReconciliationProgress(progress));
        }
    }
}
