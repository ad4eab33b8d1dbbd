using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Domain.Consistency;

/// <summary>
/// Replays the trader's fills through <see cref="Position"/> and <see cref="CashFlow"/>, independently of what the
/// trader persisted, and compares each <see cref="PositionChanged"/> with the replay: numbers (invariant 4), the kind of
/// change against the quantities it moves between (invariant 5), cash (invariant 6).
/// </summary>
internal sealed class PositionReplay(string persistenceId)
{
    public string PersistenceId { get; } = persistenceId;

    private Position _replayed = Position.Flat;
    private decimal _cash;
    private bool _accountOpened;
    private (FillApplied Fill, long SequenceNr)? _awaitingPosition;
    private decimal _persistedQuantity;

    public FindingLog PositionProblems { get; } = new();

    public FindingLog LifecycleProblems { get; } = new();

    public FindingLog CashProblems { get; } = new();

    public long Opened { get; private set; }

    public long Closed { get; private set; }

    /// <summary>The quantity of the last <see cref="PositionChanged"/>: what the trader believes it holds.</summary>
    public decimal PersistedQuantity => _persistedQuantity;

    public void AccountOpened(AccountOpened opened, long sequenceNr)
    {
        if (_accountOpened)
            CashProblems.Add("the account is opened a second time", At(sequenceNr));
        else
            (_accountOpened, _cash) = (true, _cash + opened.StartingCash);
    }

    public void FillApplied(FillApplied fill, long sequenceNr)
    {
        ExpectNoFillAwaitingPosition();
        if (!_accountOpened)
            CashProblems.Add($"fill {fill.FillId} comes before the account is opened", fill.FillId.Value, At(sequenceNr));

        _replayed = _replayed.Apply(fill.Side, fill.Price, fill.Quantity).Position;
        _cash += CashFlow.Of(fill.Side, fill.Price, fill.Quantity, fill.Fee);
        _awaitingPosition = (fill, sequenceNr);
    }

    public void PositionChanged(PositionChanged changed, long sequenceNr)
    {
        var causedBy = changed.CausedBy.Value;
        if (_awaitingPosition is not { } awaited || awaited.Fill.FillId != changed.CausedBy)
            PositionProblems.Add($"position change caused by {causedBy} does not follow that fill", causedBy, At(sequenceNr));
        _awaitingPosition = null;

        var persisted = new Position(changed.Quantity, changed.AverageEntryPrice, changed.RealizedPnl);
        if (persisted != _replayed)
            PositionProblems.Add($"after fill {causedBy} the trader holds {Describe(persisted)}; the fills give {Describe(_replayed)}",
                causedBy, At(sequenceNr));
        if (changed.Cash != _cash)
            CashProblems.Add($"after fill {causedBy} the trader has cash {changed.Cash}; starting cash and fills give {_cash}",
                causedBy, At(sequenceNr));

        CheckLifecycle(changed, sequenceNr);
        _persistedQuantity = changed.Quantity;
    }

    /// <summary>The journal has been read to its end: a last fill still waiting for its position change never gets one.
    /// Calling it again adds nothing.</summary>
    public void Complete() => ExpectNoFillAwaitingPosition();

    private void ExpectNoFillAwaitingPosition()
    {
        if (_awaitingPosition is { } awaited)
            PositionProblems.Add($"fill {awaited.Fill.FillId} has no position change", awaited.Fill.FillId.Value, At(awaited.SequenceNr));
        _awaitingPosition = null;
    }

    private void CheckLifecycle(PositionChanged changed, long sequenceNr)
    {
        var (before, after) = (_persistedQuantity, changed.Quantity);
        var sameSide = Math.Sign(before) == Math.Sign(after);
        var consistent = changed.Change switch
        {
            PositionChange.Opened => before == 0m && after != 0m,
            PositionChange.Increased => before != 0m && sameSide && Math.Abs(after) > Math.Abs(before),
            PositionChange.Reduced => before != 0m && sameSide && Math.Abs(after) < Math.Abs(before),
            PositionChange.Closed => before != 0m && after == 0m,
            PositionChange.Flipped => before != 0m && after != 0m && !sameSide,
            _ => false,
        };
        if (!consistent)
            LifecycleProblems.Add($"position change {changed.Change} caused by {changed.CausedBy} moves the quantity from {before} to {after}",
                changed.CausedBy.Value, At(sequenceNr));

        if (changed.Change is PositionChange.Opened or PositionChange.Flipped)
            Opened++;
        if (changed.Change is PositionChange.Closed or PositionChange.Flipped)
            Closed++;
    }

    private static string Describe(Position p) =>
        $"quantity {p.Quantity}, average entry {p.AverageEntryPrice}, realized PnL {p.RealizedPnl}";

    private string At(long sequenceNr) => JournalNames.Position(PersistenceId, sequenceNr);
}
