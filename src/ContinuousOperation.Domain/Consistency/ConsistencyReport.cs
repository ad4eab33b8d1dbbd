using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Consistency;

/// <summary>Every invariant with its verdict, over all symbols reconciled, and the tally of every journal read.
/// <see cref="Drained"/> is false for a run that never closed: its drain-only invariants are not applicable.</summary>
public sealed record ConsistencyReport(
    IReadOnlyList<InvariantResult> Invariants, IReadOnlyList<Symbol> Symbols, long TraderEventsRead, long ExchangeEventsRead)
{
    public IReadOnlyList<JournalTally> Journals { get; init; } = [];

    public bool Drained { get; init; } = true;

    /// <summary>Reconciliation rounds that read these journals: 1 for a check from scratch, more when the run was
    /// reconciled while it went on (<see cref="RunningReconciliation"/>).</summary>
    public int Rounds { get; init; } = 1;

    /// <summary>Events the last round read: all of them for a check from scratch, only the tail after earlier rounds.</summary>
    public long LastRoundEventsRead { get; init; }

    /// <summary>No invariant is violated; those not applicable do not count against it.</summary>
    public bool IsValid => Invariants.All(i => i.State != InvariantState.Violated);
}
