namespace ContinuousOperation.Domain.Trading;

/// <summary>What a strategy sees of the market when it decides.</summary>
public sealed record MarketView(decimal BestBid, decimal BestAsk, decimal LastPrice, TimeSpan SimTime)
{
    /// <summary>Both sides quoted and not crossed: only then can a price near the touch be chosen.</summary>
    public bool HasTwoSidedQuote => BestBid > 0m && BestAsk > BestBid;
}
