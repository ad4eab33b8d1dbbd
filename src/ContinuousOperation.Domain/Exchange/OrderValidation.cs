using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Exchange;

/// <summary>The venue's admission rules for a paper trader's order.</summary>
internal static class OrderValidation
{
    /// <returns>Why the request is rejected, or null if it is valid.</returns>
    public static string? RejectionReason(Instrument instrument, OrderRequest request)
    {
        if (!request.Account.IsPaperTrader) return $"account {request.Account} may not place orders";
        if (request.Quantity <= 0) return "quantity must be positive";
        if (request.Quantity % instrument.LotSize != 0) return $"quantity must be a multiple of the lot size {instrument.LotSize}";
        if (request.Type == OrderType.Market) return null;
        if (request.LimitPrice is not { } price) return "a limit order needs a limit price";
        if (price <= 0) return "limit price must be positive";
        if (price % instrument.TickSize != 0) return $"limit price must be a multiple of the tick size {instrument.TickSize}";
        return null;
    }
}
