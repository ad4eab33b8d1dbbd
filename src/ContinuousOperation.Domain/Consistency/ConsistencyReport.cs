using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Consistency;

/// <summary>Every invariant with its verdict, over all symbols reconciled.</summary>
public sealed record ConsistencyReport(
    IReadOnlyList<InvariantResult> Invariants, IReadOnlyList<Symbol> Symbols, long TraderEventsRead, long ExchangeEventsRead)
{
    public bool IsValid => Invariants.All(i => i.Holds);
}
