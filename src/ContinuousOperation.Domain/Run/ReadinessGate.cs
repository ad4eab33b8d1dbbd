using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Run;

/// <summary>
/// Opens once every book and every trader of the run has announced itself up (<see cref="EntityRecovered"/>), so
/// that what must act on a running system (the fault clock) starts from a running system: under load a book can take
/// seconds to start, and an outage held before anyone writes would break nothing.
/// </summary>
public sealed class ReadinessGate
{
    private readonly HashSet<(EntityKind, Symbol)> waiting;

    public ReadinessGate(IEnumerable<Symbol> symbols) =>
        waiting = symbols.SelectMany(s => new[] { (EntityKind.OrderBook, s), (EntityKind.Trader, s) }).ToHashSet();

    public bool IsOpen => waiting.Count == 0;

    /// <summary>Returns true when this announcement is the one that opens the gate.</summary>
    public bool Observe(EntityRecovered up) => waiting.Remove((up.Entity, up.Symbol)) && IsOpen;
}
