using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Domain.Run;

/// <summary>
/// The segment of a run this process runs, as its coordinator keeps it: what is left of the run's duration, whether
/// the fault clock has started (and when), whether the run is finishing, whether a checkpoint is being gathered, and
/// what each checkpoint records (<see cref="Checkpoint"/>). Time comes in as a parameter; the coordinator only
/// schedules, asks and tells.
/// </summary>
public sealed class RunSegment
{
    private readonly RunHistory _history;
    private DateTimeOffset? _faultClockStartedAt;
    private bool _checkpointing;

    public RunSegment(RunSettings settings, RunHistory history, DateTimeOffset startedAt)
    {
        _history = history;
        StartedAt = startedAt;
        Remaining = history.Remaining(settings.Duration);
        LongestRecovery = settings.Faults.Rules.Values.Select(r => r.RecoveryDeadline + r.Duration)
            .DefaultIfEmpty(TimeSpan.Zero).Max();
    }

    public DateTimeOffset StartedAt { get; }

    /// <summary>What this segment trades for: the run's duration less what earlier segments ran.</summary>
    public TimeSpan Remaining { get; }

    /// <summary>How long the faults still recovering at the end of trading may take: the longest fault plus its
    /// recovery deadline.</summary>
    public TimeSpan LongestRecovery { get; }

    /// <summary>Set once the run's deadline passed or it was stopped: it drains from then on.</summary>
    public bool IsFinishing { get; private set; }

    /// <summary>The market's simulated clock at the first and at the latest checkpoint that a book answered.</summary>
    public TimeSpan? SimulatedStart { get; private set; }

    public TimeSpan? SimulatedNow { get; private set; }

    /// <summary>Starts the fault clock at <paramref name="now"/>; false if it had started already, or the run is
    /// finishing (no fault is fired into a drain).</summary>
    public bool StartFaultClock(DateTimeOffset now)
    {
        if (_faultClockStartedAt is not null || IsFinishing) return false;
        _faultClockStartedAt = now;
        return true;
    }

    /// <summary>Starts the drain; false if it had started already (a second stop, or the deadline after a stop).</summary>
    public bool Finish()
    {
        if (IsFinishing) return false;
        IsFinishing = true;
        return true;
    }

    /// <summary>Whether to gather a checkpoint now: not while one is being gathered, nor once the run is finishing
    /// (a kill during the drain leaves the last checkpoint, and a resume runs the rest of the drain).</summary>
    public bool BeginCheckpoint()
    {
        if (_checkpointing || IsFinishing) return false;
        _checkpointing = true;
        return true;
    }

    /// <summary>The checkpoint being gathered could not be; the next one is due as usual.</summary>
    public void CheckpointFailed() => _checkpointing = false;

    /// <summary>Ends the checkpoint being gathered with what was gathered at <paramref name="at"/>: the fault clock
    /// counts from its start (zero before), and <paramref name="simulated"/> (null when no book answered) moves the
    /// segment's simulated clock.</summary>
    public RunCheckpoint Checkpoint(
        DateTimeOffset at, TimeSpan? simulated, IReadOnlyDictionary<TradingCounter, long> counters,
        IReadOnlyList<ErrorSummary> errors, FaultReport faults)
    {
        _checkpointing = false;
        SimulatedNow = simulated ?? SimulatedNow;
        // A resumed market restarts its clock at its last journaled event, which can be up to one tick before where the
        // killed segment's last checkpoint read it (a tick without trades journals nothing): the segment continues the
        // run's simulated time from where the earlier one ended, not from a few simulated seconds before.
        SimulatedStart ??= simulated is { } now && _history.SimulatedEnd is { } earlierEnd && now < earlierEnd ? earlierEnd : simulated;
        var faultClock = _faultClockStartedAt is { } clock ? at - clock : TimeSpan.Zero;
        return new RunCheckpoint(_history.NextSegment, StartedAt, at, faultClock, SimulatedStart, SimulatedNow,
            counters, errors, faults.Timeline);
    }

    /// <summary>The simulated clock over the segment for its report, ending at <paramref name="end"/> (null when no
    /// book answered: the latest checkpoint's) and starting at the first checkpoint's (else where it ends).</summary>
    public (TimeSpan? Start, TimeSpan? End) SimulatedClock(TimeSpan? end)
    {
        var last = end ?? SimulatedNow;
        return (SimulatedStart ?? last, last);
    }
}
