using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Actors.Faults;

/// <summary>The run's fault schedule (simulated times) and how to turn it into wall time.</summary>
public sealed record FaultInjectorSettings(
    string Profile, IReadOnlyList<ScheduledFault> Schedule, double Speed, IReadOnlyList<Symbol> Symbols)
{
    public TimeSpan WallTimeOf(ScheduledFault fault) => fault.At / Speed;
}
