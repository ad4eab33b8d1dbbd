using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Exchange;

/// <summary>Venue-side journal (<c>exchange-{symbol}</c>). Only paper-trader orders are journaled as orders;
/// every trade is journaled, whoever the participants, so exchange-wide conservation can be checked.</summary>
public interface IExchangeEvent : IJournalEvent
{
    Symbol Symbol { get; }
    TimeSpan SimTime { get; }
}

public sealed record ExchangeOrderAccepted(
    Symbol Symbol, AccountId Account, ClientOrderId ClientOrderId, Side Side, OrderType Type,
    decimal? LimitPrice, decimal Quantity, TimeSpan SimTime) : IExchangeEvent;

/// <summary>An order left the book unfilled or partly filled: cancelled on request, or the unfilled rest of a market order.</summary>
public sealed record ExchangeOrderCancelled(
    Symbol Symbol, AccountId Account, ClientOrderId ClientOrderId, decimal RemainingQuantity, string Reason,
    TimeSpan SimTime) : IExchangeEvent;

/// <summary>One side of a trade. <see cref="AccountFillSequence"/> is contiguous per account, starting at 1.</summary>
public sealed record TradeLeg(
    AccountId Account, ClientOrderId ClientOrderId, FillId FillId, long AccountFillSequence, decimal Fee, bool IsMaker);

public sealed record TradeExecuted(
    Symbol Symbol, long TradeId, decimal Price, decimal Quantity, TradeLeg Buyer, TradeLeg Seller, Side Aggressor,
    TimeSpan SimTime) : IExchangeEvent
{
    public TradeLeg? LegOf(AccountId account) =>
        Buyer.Account == account ? Buyer : Seller.Account == account ? Seller : null;
}

/// <summary>Net holdings of one account at the venue, from the trades it took part in.</summary>
public sealed record AccountBalance(AccountId Account, decimal Position, decimal Cash, decimal Fees);

/// <summary>Written once at the end of a run, after drain: the venue's own view of balances and of orders still live.</summary>
public sealed record BookClosed(
    Symbol Symbol, IReadOnlyList<AccountBalance> Balances, IReadOnlyList<ClientOrderId> LiveTraderOrders,
    TimeSpan SimTime) : IExchangeEvent;
