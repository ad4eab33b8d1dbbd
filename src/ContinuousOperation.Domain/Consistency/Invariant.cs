namespace ContinuousOperation.Domain.Consistency;

/// <summary>The journal invariants reconciliation proves, numbered as in the design (§4).</summary>
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
}
