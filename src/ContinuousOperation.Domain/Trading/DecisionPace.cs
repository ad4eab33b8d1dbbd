namespace ContinuousOperation.Domain.Trading;

/// <summary>The decisions one wake-up of a trader takes (<see cref="Times"/>, in simulated time, oldest first), when
/// the next one falls due, and how many due decisions it dropped because they were beyond the catch-up bound.</summary>
public sealed record DecisionBatch(IReadOnlyList<TimeSpan> Times, TimeSpan NextDue, long Skipped)
{
    /// <summary>How far the skipped decisions reached back in simulated time: how far behind the trader had fallen.</summary>
    public TimeSpan Behind { get; init; }
}

/// <summary>
/// A trader decides once per <see cref="Interval"/> of <b>simulated</b> time, whatever the speed: it wakes on a wall
/// timer and takes every decision that fell due since it last decided, so a compressed day holds a day's decisions.
/// A wake-up takes at most <see cref="MaxCatchUp"/> of them — a trader that was held up (a pause, a restart, a busy
/// mailbox) must not flood the venue with a backlog of stale decisions; the oldest beyond the bound are skipped and
/// reported as falling behind.
/// </summary>
public sealed record DecisionPace(TimeSpan Interval, int MaxCatchUp)
{
    /// <summary>Never wake more often than this: the runtime's scheduler does not resolve finer timers anyway.</summary>
    public static readonly TimeSpan MinWakeInterval = TimeSpan.FromMilliseconds(10);

    /// <summary>How much wall time's worth of decisions one wake-up may catch up on.</summary>
    public static readonly TimeSpan CatchUpWindow = TimeSpan.FromSeconds(1);

    /// <summary>The pace of a trader deciding every <paramref name="interval"/> of simulated time at
    /// <paramref name="speed"/>, with its wall timer: one decision per wake-up where the timer can be that fast,
    /// otherwise every decision due in <see cref="MinWakeInterval"/> of wall time.</summary>
    public static (DecisionPace Pace, TimeSpan WakeInterval) For(TimeSpan interval, double speed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speed);
        var wake = interval / speed < MinWakeInterval ? MinWakeInterval : interval / speed;
        var catchUp = (int)Math.Ceiling(CatchUpWindow * speed / interval);
        return (new DecisionPace(interval, Math.Max(2, catchUp)), wake);
    }

    /// <summary>The decisions due at <paramref name="now"/> (simulated) when the next was due at
    /// <paramref name="nextDue"/>; a trader deciding for the first time passes its <paramref name="now"/>.</summary>
    public DecisionBatch Due(TimeSpan nextDue, TimeSpan now)
    {
        if (now < nextDue) return new DecisionBatch([], nextDue, 0);

        var due = (now - nextDue).Ticks / Interval.Ticks + 1;
        var skipped = Math.Max(0, due - MaxCatchUp);
        var first = nextDue + Interval * skipped;
        var times = new TimeSpan[due - skipped];
        for (var i = 0; i < times.Length; i++) times[i] = first + Interval * i;
        return new DecisionBatch(times, nextDue + Interval * due, skipped) { Behind = skipped > 0 ? now - nextDue : TimeSpan.Zero };
    }
}
