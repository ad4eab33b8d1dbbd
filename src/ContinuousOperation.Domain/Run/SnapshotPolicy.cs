namespace ContinuousOperation.Domain.Run;

/// <summary>How often books and traders save a snapshot of their state: every <see cref="EveryEvents"/> journal events
/// (HOCON <c>continuous-operation.snapshots.every-events</c>) or once <see cref="Every"/> has passed since the last one
/// (<c>continuous-operation.snapshots.every</c>), whichever comes first. A restart then replays at most
/// <see cref="EveryEvents"/> events, and only events that happened within <see cref="Every"/> of the last snapshot, so
/// a quiet entity's replay stays short too. 0 turns a trigger off; both off: every restart replays the whole journal.</summary>
public sealed record SnapshotPolicy(long EveryEvents)
{
    public static readonly SnapshotPolicy Default = new(5_000) { Every = TimeSpan.FromMinutes(10) };

    public static readonly SnapshotPolicy Off = new(0);

    /// <summary>Longest time between snapshots of an entity that has new events; <see cref="TimeSpan.Zero"/>: no time trigger.</summary>
    public TimeSpan Every { get; init; }

    /// <summary>Whether an entity at journal position <paramref name="sequenceNr"/>, whose last snapshot was taken at
    /// <paramref name="lastSnapshotAt"/> (0: none) at <paramref name="lastSnapshotTime"/> (or when the entity started,
    /// without one), should save one <paramref name="now"/>. Never without an event since the last snapshot: it would
    /// hold nothing new.</summary>
    public bool IsDue(long sequenceNr, long lastSnapshotAt, DateTimeOffset now, DateTimeOffset lastSnapshotTime)
    {
        var newEvents = sequenceNr - lastSnapshotAt;
        if (newEvents <= 0) return false;
        return (EveryEvents > 0 && newEvents >= EveryEvents) || (Every > TimeSpan.Zero && now - lastSnapshotTime >= Every);
    }
}
