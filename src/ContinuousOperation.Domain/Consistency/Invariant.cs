namespace ContinuousOperation.Domain.Consistency;

/// <summary>The journal invariants reconciliation proves, numbered as in the design (§4, §7a).</summary>
public enum Invariant
{
    FillsExactlyOnce = 1,
    OrderQuantities = 2,
    NoOrphanedOrders = 3,
    PositionMatchesFills = 4,
    NoOrphanedPositions = 5,
    CashConserved = 6,
    ContiguousSequence = 7,
    ExchangeConservation = 8,
    JournalsAsRecorded = 9,
}

/// <summary>The verdict on one invariant. <see cref="NotApplicable"/>: it only holds after the drain, and the run never
/// drained (it was killed or failed), so there is nothing it could be checked against.</summary>
public enum InvariantState
{
    Holds,
    Violated,
    NotApplicable,
}
