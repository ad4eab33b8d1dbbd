using Akka.Actor;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;

namespace ContinuousOperation.Actors.Tests.Trading;

internal static class JournalReader
{
    public static async Task<IReadOnlyList<object>> EventsOf(ActorSystem system, string persistenceId)
    {
        var journal = PersistenceQuery.Get(system).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);
        var envelopes = await journal.CurrentEventsByPersistenceId(persistenceId, 0, long.MaxValue)
            .RunWith(Sink.Seq<EventEnvelope>(), system.Materializer());
        return envelopes.Select(e => e.Event).ToArray();
    }
}
