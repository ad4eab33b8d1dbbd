namespace ContinuousOperation.Domain.Consistency;

public sealed record InvariantResult(
    Invariant Invariant, string Name, string Description, bool Holds, IReadOnlyList<Violation> Violations);
