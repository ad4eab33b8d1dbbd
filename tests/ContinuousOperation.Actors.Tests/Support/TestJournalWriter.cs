using Akka.Actor;
using Akka.Persistence;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Actors.Tests.Support;

/// <summary>Writes given events under a given persistence id and replies <see cref="Written"/> once they are stored,
/// so read-side tests can seed journals directly. <see cref="TestJournal.WriteAsync"/> wraps one round trip.</summary>
public sealed class TestJournalWriter : ReceivePersistentActor
{
    public TestJournalWriter(string persistenceId)
    {
        PersistenceId = persistenceId;
        Command<Write>(write =>
        {
            var requester = Sender;
            PersistAll(write.Events, _ => { });
            // Deferred handlers run after every preceding persist has completed.
            DeferAsync(write, _ => requester.Tell(new Written(PersistenceId, LastSequenceNr)));
        });
    }

    public override string PersistenceId { get; }

    public sealed record Write(IReadOnlyList<IJournalEvent> Events);

    public sealed record Written(string PersistenceId, long LastSequenceNr);
}
