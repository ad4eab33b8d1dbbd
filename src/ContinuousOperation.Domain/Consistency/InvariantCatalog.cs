namespace ContinuousOperation.Domain.Consistency;

/// <summary>Report names and one-line descriptions of the invariants.</summary>
public static class InvariantCatalog
{
    public static string NameOf(Invariant invariant) => invariant switch
    {
        Invariant.FillsExactlyOnce => "fills_exactly_once",
        Invariant.OrderQuantities => "order_quantities",
        Invariant.NoOrphanedOrders => "no_orphaned_orders",
        Invariant.PositionMatchesFills => "position_matches_fills",
        Invariant.NoOrphanedPositions => "no_orphaned_positions",
        Invariant.CashConserved => "cash_conserved",
        Invariant.ContiguousSequence => "contiguous_sequence",
        Invariant.ExchangeConservation => "exchange_conservation",
        Invariant.JournalsAsRecorded => "journals_as_recorded",
        _ => throw new ArgumentOutOfRangeException(nameof(invariant), invariant, null),
    };

    /// <summary>Invariants that only hold once the run has drained (open orders cancelled, books closed). The drain
    /// also completes <see cref="Invariant.FillsExactlyOnce"/>: before it, a fill may still be in flight.</summary>
    public static bool IsDrainOnly(Invariant invariant) =>
        invariant is Invariant.NoOrphanedOrders or Invariant.ExchangeConservation;

    public static string DescriptionOf(Invariant invariant) => invariant switch
    {
        Invariant.FillsExactlyOnce =>
            "Every venue fill of the paper trader appears exactly once in the trader journal, with the same terms, and the trader has no fill the venue lacks (in an unfinished run, venue fills after the trader's last applied one may have been in flight).",
        Invariant.OrderQuantities =>
            "In both journals, per order: filled <= quantity, Filled iff fully filled, a cancel leaves the unfilled rest, a terminal order never changes.",
        Invariant.NoOrphanedOrders =>
            "After drain (the venue journal ends with BookClosed), no order is live on one side and unknown or terminal on the other.",
        Invariant.PositionMatchesFills =>
            "Each position event follows its fill and equals the net quantity, average entry price and realized PnL recomputed from the fills.",
        Invariant.NoOrphanedPositions =>
            "Each position change agrees with the quantities it moves between, and positions opened - closed = positions still open.",
        Invariant.CashConserved =>
            "Starting cash + sells - buys - fees = cash of the position events.",
        Invariant.ContiguousSequence =>
            "Sequence numbers of each journal run 1, 2, 3, ... without gap or repeat.",
        Invariant.ExchangeConservation =>
            "The venue's closing balances net to zero (quantity, cash + fees) and equal the balances recomputed from every trade.",
        Invariant.JournalsAsRecorded =>
            "Every symbol of the run's manifest has both journals, the run has no other, and a closed run's journals hold exactly the events counted and digested at its close.",
        _ => throw new ArgumentOutOfRangeException(nameof(invariant), invariant, null),
    };
}
