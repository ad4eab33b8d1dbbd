using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Domain.Tests.Run;

public sealed class SnapshotPolicyTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private static readonly SnapshotPolicy EveryThousandOrTenMinutes = new(1_000) { Every = TimeSpan.FromMinutes(10) };

    [Fact]
    public void A_busy_entity_snapshots_by_event_count_before_the_time_is_up()
    {
        Assert.False(EveryThousandOrTenMinutes.IsDue(sequenceNr: 1_999, lastSnapshotAt: 1_000, Noon.AddMinutes(1), Noon));
        Assert.True(EveryThousandOrTenMinutes.IsDue(sequenceNr: 2_000, lastSnapshotAt: 1_000, Noon.AddMinutes(1), Noon));
    }

    [Fact]
    public void A_quiet_entity_snapshots_once_the_time_is_up()
    {
        Assert.False(EveryThousandOrTenMinutes.IsDue(sequenceNr: 1_003, lastSnapshotAt: 1_000, Noon.AddMinutes(10).AddTicks(-1), Noon));
        Assert.True(EveryThousandOrTenMinutes.IsDue(sequenceNr: 1_003, lastSnapshotAt: 1_000, Noon.AddMinutes(10), Noon));
    }

    [Fact]
    public void Nothing_new_since_the_last_snapshot_is_never_due_however_long_ago_it_was()
    {
        Assert.False(EveryThousandOrTenMinutes.IsDue(sequenceNr: 1_000, lastSnapshotAt: 1_000, Noon.AddHours(5), Noon));
    }

    [Fact]
    public void A_zero_interval_turns_the_time_trigger_off_and_leaves_the_event_trigger()
    {
        var eventsOnly = new SnapshotPolicy(1_000);

        Assert.False(eventsOnly.IsDue(sequenceNr: 1_003, lastSnapshotAt: 1_000, Noon.AddDays(2), Noon));
        Assert.True(eventsOnly.IsDue(sequenceNr: 2_000, lastSnapshotAt: 1_000, Noon, Noon));
    }

    [Fact]
    public void Zero_events_turns_the_event_trigger_off_and_leaves_the_time_trigger()
    {
        var timeOnly = new SnapshotPolicy(0) { Every = TimeSpan.FromMinutes(10) };

        Assert.False(timeOnly.IsDue(sequenceNr: 1_000_000, lastSnapshotAt: 0, Noon.AddMinutes(9), Noon));
        Assert.True(timeOnly.IsDue(sequenceNr: 1, lastSnapshotAt: 0, Noon.AddMinutes(10), Noon));
    }

    [Fact]
    public void Off_never_snapshots()
    {
        Assert.False(SnapshotPolicy.Off.IsDue(sequenceNr: 1_000_000, lastSnapshotAt: 0, Noon.AddDays(2), Noon));
    }
}
