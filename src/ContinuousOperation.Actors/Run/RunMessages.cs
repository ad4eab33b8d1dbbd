using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Actors.Run;

/// <summary>Asks the coordinator to reply with the run's <see cref="RunOutcome"/> once the run is over.</summary>
public sealed record WaitForRunOutcome
{
    public static readonly WaitForRunOutcome Instance = new();
}

/// <summary>Ends the run early (Ctrl+C): drain, reconcile and report as usual, marked interrupted.</summary>
public sealed record StopRun
{
    public static readonly StopRun Instance = new();
}

public abstract record RunOutcome;

public sealed record RunCompleted(
    MetricsSnapshot Metrics, ConsistencyReport Consistency, FaultReport Faults, bool Interrupted,
    DateTimeOffset StartedAt, DateTimeOffset EndedAt) : RunOutcome
{
    /// <summary>The market's simulated clock at the start and end of this segment (null when no book answered).</summary>
    public (TimeSpan? Start, TimeSpan? End) SimulatedClock { get; init; }
}

/// <summary>The run could not be carried out (for example the database is unreachable): exit code 3.</summary>
public sealed record RunFailed(string Reason) : RunOutcome;
