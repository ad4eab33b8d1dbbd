namespace ContinuousOperation.Domain.Run;

/// <summary>How often books and traders save a snapshot of their state (HOCON
/// <c>continuous-operation.snapshots.every-events</c>), so a restart replays at most this many events whatever the
/// run's length. 0 turns snapshots off: every restart replays the whole journal.</summary>
public sealed record SnapshotPolicy(long EveryEvents)
{
    public static readonly SnapshotPolicy Default = new(5_000);

    public static readonly SnapshotPolicy Off = new(0);

    /// <summary>Whether an entity at journal position <paramref name="sequenceNr"/>, whose last snapshot was taken at
    /// <paramref name="lastSnapshotAt"/> (0: none), should save one now.</summary>
    public bool IsDue(long sequenceNr, long lastSnapshotAt) => EveryEvents > 0 && sequenceNr - lastSnapshotAt >= EveryEvents;
}
