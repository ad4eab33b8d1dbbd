using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Actors.Faults;

/// <summary>The run's fault schedule (simulated times) and how to turn it into wall time. A resumed run's fault clock
/// starts at <see cref="ResumedAt"/> (simulated time its earlier segments ran), so its faults keep their planned
/// offsets.</summary>
public sealed record FaultInjectorSettings(
    string Profile, IReadOnlyList<ScheduledFault> Schedule, double Speed, IReadOnlyList<Symbol> Symbols)
{
    public TimeSpan ResumedAt { get; init; }

    public TimeSpan WallTimeOf(ScheduledFault fault) => (fault.At - ResumedAt) / Speed;
}
