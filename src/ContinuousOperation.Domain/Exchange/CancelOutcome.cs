namespace ContinuousOperation.Domain.Exchange;

/// <summary>Result of <see cref="SymbolVenue.Cancel"/>: one <see cref="ExchangeOrderCancelled"/> to journal, or a reason and no events.</summary>
public sealed record CancelOutcome(bool IsCancelled, IReadOnlyList<IExchangeEvent> Events, string? Reason)
{
    public static CancelOutcome Cancelled(ExchangeOrderCancelled cancelled) => new(IsCancelled: true, [cancelled], Reason: null);

    public static CancelOutcome NotCancelled(string reason) => new(IsCancelled: false, [], reason);
}
