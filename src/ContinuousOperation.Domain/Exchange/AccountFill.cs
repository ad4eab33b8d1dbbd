using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Exchange;

/// <summary>A fill as the venue reports it to the account that owns the order.</summary>
public sealed record AccountFill(
    Symbol Symbol, AccountId Account, FillId FillId, ClientOrderId ClientOrderId, Side Side, decimal Price,
    decimal Quantity, decimal Fee, bool IsMaker, long AccountFillSequence, TimeSpan SimTime)
{
    public static AccountFill From(TradeExecuted trade, TradeLeg leg) => new(
        trade.Symbol, leg.Account, leg.FillId, leg.ClientOrderId,
        leg == trade.Buyer ? Side.Buy : Side.Sell,
        trade.Price, trade.Quantity, leg.Fee, leg.IsMaker, leg.AccountFillSequence, trade.SimTime);
}
