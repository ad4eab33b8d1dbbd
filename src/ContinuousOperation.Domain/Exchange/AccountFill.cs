using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Exchange;

/// <summary>A fill as the venue reports it to the account that owns the order.</summary>
public sealed record AccountFill(
    Symbol Symbol, AccountId Account, FillId FillId, ClientOrderId ClientOrderId, Side Side, decimal Price,
    decimal Quantity, decimal Fee, bool IsMaker, long AccountFillSequence, TimeSpan SimTime)
{
    /// <param name="side">The leg's side, given rather than found by comparing the leg with <see cref="TradeExecuted.Buyer"/>.</param>
    public static AccountFill From(TradeExecuted trade, TradeLeg leg, Side side) => new(
        trade.Symbol, leg.Account, leg.FillId, leg.ClientOrderId, side, trade.Price, trade.Quantity, leg.Fee, leg.IsMaker, leg.AccountFillSequence, trade.SimTime);
}
