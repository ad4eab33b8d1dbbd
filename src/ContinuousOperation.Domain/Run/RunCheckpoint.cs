using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Domain.Run;

/// <summary>
/// The durable progress of one segment of a run (what one process ran of it), rewritten every few seconds while the
/// segment trades, so that a run killed with <c>kill -9</c> can be resumed and reported whole. <see cref="RunTime"/>
/// is the wall time the segment has run since it started; <see cref="FaultClock"/> how far its fault clock got (zero
/// before it started); <see cref="SimulatedStart"/> and <see cref="SimulatedNow"/> the market's simulated clock at its
/// first and latest checkpoint (null when no book answered). The figures that otherwise live only in memory
/// (trading counters, errors, the fault timeline) are as of <see cref="At"/>.
/// </summary>
public sealed record RunCheckpoint(
    int Segment,
    DateTimeOffset StartedAt,
    DateTimeOffset At,
    TimeSpan FaultClock,
    TimeSpan? SimulatedStart,
    TimeSpan? SimulatedNow,
    IReadOnlyDictionary<TradingCounter, long> Counters,
    IReadOnlyList<ErrorSummary> Errors,
    IReadOnlyList<FaultRecord> Faults)
{
    public TimeSpan RunTime => At - StartedAt;
}
