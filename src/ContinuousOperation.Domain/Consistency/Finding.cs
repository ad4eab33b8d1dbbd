using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Consistency;

/// <summary>A problem found while folding a journal, before it is attributed to an invariant and a symbol.</summary>
internal sealed record Finding(string Detail, IReadOnlyList<string> Ids)
{
    public Violation For(Invariant invariant, Symbol symbol) => new(invariant, symbol, Detail, Ids);
}
