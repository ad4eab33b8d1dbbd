namespace ContinuousOperation.Domain.Faults;

public enum FaultOutcome
{
    /// <summary>Injected, its effect has not yet happened (e.g. no fill has been pushed since a stream fault was armed).</summary>
    NotApplied,

    /// <summary>In effect, or recovering, within its deadline.</summary>
    Pending,

    Recovered,

    /// <summary>Not recovered within its deadline (it may have recovered later): counted as an error.</summary>
    Missed,

    /// <summary>In effect or recovering when its run was killed: the kill ended its recovery, not the system. The
    /// resumed run's actors recover from their journals like after any restart.</summary>
    Interrupted,
}

/// <summary>One line of the report's fault timeline. Time to recover runs from when the fault took effect.</summary>
public sealed record FaultRecord(
    int Id, FaultKind Kind, string Target, TimeSpan SimulatedAt, DateTimeOffset InjectedAt, DateTimeOffset? AppliedAt,
    DateTimeOffset? RecoveredAt, TimeSpan RecoveryDeadline, FaultOutcome Outcome)
{
    public TimeSpan? TimeToRecover => RecoveredAt - AppliedAt;
}

public sealed record FaultTotals(
    FaultKind Kind, int Injected, int Recovered, int NotRecovered, int NotApplied, TimeSpan? MedianTimeToRecover,
    TimeSpan? MaxTimeToRecover);

public sealed record FaultReport(string Profile, IReadOnlyList<FaultRecord> Timeline, IReadOnlyList<FaultTotals> Totals)
{
    public static readonly FaultReport None = new("none", [], []);
}
