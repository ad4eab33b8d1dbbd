using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Consistency;

/// <summary>One breach of an invariant, naming the ids involved (fill ids, order ids, journal positions, accounts).</summary>
public sealed record Violation(Invariant Invariant, Symbol Symbol, string Detail, IReadOnlyList<string> Ids);
