namespace ContinuousOperation.Domain.Exchange;

public enum PlaceStatus
{
    Accepted,
    Rejected,

    /// <summary>The client order id is already known: nothing happened; reply with <see cref="SymbolVenue.OrderStatusOf"/>.</summary>
    Duplicate,
}

/// <summary>Result of <see cref="SymbolVenue.Place"/>. <see cref="Events"/> (already applied to the venue) must be journaled.</summary>
public sealed record PlaceOutcome(PlaceStatus Status, IReadOnlyList<IExchangeEvent> Events, string? Reason)
{
    public static readonly PlaceOutcome Duplicate = new(PlaceStatus.Duplicate, [], "duplicate client order id");

    public static PlaceOutcome Accepted(IReadOnlyList<IExchangeEvent> events) => new(PlaceStatus.Accepted, events, Reason: null);

    public static PlaceOutcome Rejected(string reason) => new(PlaceStatus.Rejected, [], reason);
}
