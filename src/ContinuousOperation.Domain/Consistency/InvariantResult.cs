namespace ContinuousOperation.Domain.Consistency;

public sealed record InvariantResult(
    Invariant Invariant, string Name, string Description, InvariantState State, IReadOnlyList<Violation> Violations)
{
    public bool Holds => State == InvariantState.Holds;
}
