using Akka.Actor;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Actors.Tests.Support;

public static class TestJournal
{
    /// <summary>Appends <paramref name="events"/> to the journal of <paramref name="persistenceId"/> through a
    /// short-lived <see cref="TestJournalWriter"/> and returns once they are stored.</summary>
    public static async Task<TestJournalWriter.Written> WriteAsync(
        ActorSystem system, string persistenceId, params IJournalEvent[] events)
    {
        var writer = system.ActorOf(Props.Create(() => new TestJournalWriter(persistenceId)));
        try
        {
            return await writer.Ask<TestJournalWriter.Written>(new TestJournalWriter.Write(events), TimeSpan.FromSeconds(10));
        }
        finally
        {
            writer.Tell(PoisonPill.Instance);
        }
    }
}
