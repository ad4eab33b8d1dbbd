using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using ContinuousOperation.Actors.Monitoring;
using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Actors.Persistence;

/// <summary>
/// A persistent actor that recovers from its latest snapshot plus the events after it, and saves a snapshot every
/// <see cref="SnapshotPolicy.EveryEvents"/> events or <see cref="SnapshotPolicy.Every"/> (wall time), whichever comes
/// first, so that a restart costs the same late in a run as early. Only the
/// latest snapshot is kept: if it cannot be read the fallback is a full replay of the journal, which is never
/// deleted, so an older snapshot would add nothing. Failures to save or delete are reported, never fatal.
/// <para>An unreadable snapshot cannot be skipped within one recovery: Akka.Persistence has already moved past the
/// events it covers. So the incarnation that finds one reports it, deletes it, serves nothing and stops; its back-off
/// supervisor starts the next incarnation, which replays the whole journal.</para>
/// </summary>
public abstract class SnapshottingActor<TSnapshot> : ReceivePersistentActor where TSnapshot : class
{
    private readonly SnapshotPolicy policy;
    private readonly IActorRef metrics;
    private readonly ILoggingAdapter log = Context.GetLogger();
    private long lastSnapshotAt;
    /// <summary>When the last snapshot was saved (requested) or restored; the incarnation's start without one.</summary>
    private DateTimeOffset lastSnapshotTime = DateTimeOffset.UtcNow;
    private SnapshotMetadata? unreadableSnapshot;

    protected SnapshottingActor(SnapshotPolicy policy, IActorRef metrics)
    {
        this.policy = policy;
        this.metrics = metrics;

        Recover<SnapshotOffer>(offer =>
        {
            if (offer.Snapshot is TSnapshot snapshot) Restore(offer, snapshot);
            else Reject(offer);
        });
        // Registered before the derived actor's own handler, which must not start on a partial state.
        Recover<RecoveryCompleted>(_ => unreadableSnapshot is not null, _ => DiscardUnreadableSnapshotAndStop());
        // Logged here, then handled by the derived actor (false passes it on).
        Recover<RecoveryCompleted>(_ =>
        {
            log.Info("{PersistenceId} recovered from the snapshot at {SnapshotSequenceNr} (0: none) and {EventsReplayed} journal events",
                PersistenceId, lastSnapshotAt, EventsReplayed);
            return false;
        });
        Command<SaveSnapshotSuccess>(saved =>
            DeleteSnapshots(new SnapshotSelectionCriteria(saved.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(failed => ReportDatabaseError(
            $"snapshot at sequence {failed.Metadata.SequenceNr} not saved: {failed.Cause.Message}"));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(failed => ReportDatabaseError(
            $"snapshots up to sequence {failed.Criteria.MaxSequenceNr} not deleted: {failed.Cause.Message}"));
    }

    /// <summary>Journal events this incarnation replayed after the snapshot it started from (all of them without one).</summary>
    protected long EventsReplayed { get; private set; }

    /// <summary>Call for every event replayed.</summary>
    protected void CountReplayed() => EventsReplayed++;

    /// <summary>Takes over the state the snapshot holds.</summary>
    protected abstract void RestoreFrom(TSnapshot snapshot);

    /// <summary>The state as of <see cref="Eventsourced.LastSequenceNr"/>; called only when every event persisted so
    /// far has been applied.</summary>
    protected abstract TSnapshot CaptureSnapshot();

    /// <summary>Call once the events of a command are persisted and applied: saves a snapshot when one is due.</summary>
    protected void SnapshotIfDue()
    {
        var now = DateTimeOffset.UtcNow;
        if (!policy.IsDue(LastSequenceNr, lastSnapshotAt, now, lastSnapshotTime)) return;
        // Counted from the request, so a slow save is not requested again; a failed one is retried at the next trigger.
        lastSnapshotAt = LastSequenceNr;
        lastSnapshotTime = now;
        SaveSnapshot(CaptureSnapshot());
    }

    private void Restore(SnapshotOffer offer, TSnapshot snapshot)
    {
        RestoreFrom(snapshot);
        lastSnapshotAt = offer.Metadata.SequenceNr;
        // The store keeps the save time in UTC; a time trigger already passed fires at the next event, as it would have.
        lastSnapshotTime = new DateTimeOffset(DateTime.SpecifyKind(offer.Metadata.Timestamp, DateTimeKind.Utc));
    }

    private void Reject(SnapshotOffer offer)
    {
        unreadableSnapshot = offer.Metadata;
        var reason = offer.Snapshot is UnreadableSnapshot unreadable ? unreadable.Reason : $"unexpected {offer.Snapshot.GetType().Name}";
        ReportDatabaseError($"snapshot at sequence {offer.Metadata.SequenceNr} unreadable ({reason}); deleting it and restarting to replay the whole journal");
    }

    private void DiscardUnreadableSnapshotAndStop()
    {
        DeleteSnapshots(new SnapshotSelectionCriteria(unreadableSnapshot!.SequenceNr));
        Become(() =>
        {
            Command<DeleteSnapshotsSuccess>(_ => Context.Stop(Self));
            Command<DeleteSnapshotsFailure>(failed =>
            {
                ReportDatabaseError($"unreadable snapshot at sequence {unreadableSnapshot.SequenceNr} not deleted: {failed.Cause.Message}");
                Context.Stop(Self);
            });
            // The state holds only the events after the unreadable snapshot: nothing may be answered from it. Requests
            // go unanswered, as during any restart, and their senders retry.
            CommandAny(_ => { });
        });
    }

    private void ReportDatabaseError(string message)
    {
        log.Error("{PersistenceId}: {Problem}", PersistenceId, message);
        metrics.Tell(new ReportError(ErrorKind.Database, ErrorSeverity.Error, PersistenceId, message));
    }
}
