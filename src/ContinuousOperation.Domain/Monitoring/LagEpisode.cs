using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Monitoring;

/// <summary>Which part of the run fell behind its speed.</summary>
public enum PacePart
{
    /// <summary>The market's simulated clock (its steps), as the symbol's trader heard it.</summary>
    Market,

    /// <summary>A trader's decisions: due decisions beyond the catch-up bound were skipped.</summary>
    TraderDecisions,
}

/// <summary>
/// A stretch of wall time in which one part of one symbol ran behind the run's speed: from <see cref="Start"/>, for
/// <see cref="Duration"/>, at worst <see cref="MaxBehind"/> of simulated time behind where it should have been.
/// <see cref="CaughtUp"/> is false when the part resumed its pace without making up the lost time (a market that
/// stalled and then stepped on from where it was).
/// </summary>
public sealed record LagEpisode(
    PacePart Part, Symbol Symbol, DateTimeOffset Start, TimeSpan Duration, TimeSpan MaxBehind, long DecisionsSkipped, bool CaughtUp)
{
    public DateTimeOffset End => Start + Duration;
}
