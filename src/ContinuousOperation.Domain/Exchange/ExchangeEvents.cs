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

/// <summary>
/// The trades one command printed (a book tick, or a paper-trader order crossing the book), in the order they happened,
/// journaled as one row: at speed a tick prints dozens of trades, and a row per trade made the journal grow with them.
/// Every reader handles each trade as if it had been journaled alone (journals written before this event hold
/// <see cref="TradeExecuted"/> rows, which are read as they always were).
/// </summary>
public sealed record TradesExecuted : IExchangeEvent
{
    public TradesExecuted(Symbol symbol, IReadOnlyList<TradeExecuted> trades)
    {
        if (trades.Count == 0) throw new ArgumentException("A batch holds at least one trade.", nameof(trades));
        if (trades.FirstOrDefault(t => t.Symbol != symbol) is { } other)
            throw new ArgumentException($"Trade {other.TradeId} of {other.Symbol} in a batch of {symbol}.", nameof(trades));
        (Symbol, Trades) = (symbol, trades);
    }

    public Symbol Symbol { get; }

    public IReadOnlyList<TradeExecuted> Trades { get; }

    /// <summary>The time of the last trade: the venue's clock once the batch is applied.</summary>
    public TimeSpan SimTime => Trades[^1].SimTime;

    public bool Equals(TradesExecuted? other) =>
        other is not null && Symbol == other.Symbol && Trades.SequenceEqual(other.Trades);

    public override int GetHashCode() => HashCode.Combine(Symbol, Trades.Count, Trades[0]);

    /// <summary>Every trade of <paramref name="events"/> in journal order, whether journaled alone or in a batch.</summary>
    public static IEnumerable<TradeExecuted> In(IEnumerable<IExchangeEvent> events) =>
        events.SelectMany(e => e switch
        {
            TradeExecuted trade => [trade],
            TradesExecuted batch => batch.Trades,
            _ => Array.Empty<TradeExecuted>(),
        });
}

/// <summary>Net holdings of one account at the venue, from the trades it took part in.</summary>
public sealed record AccountBalance(AccountId Account, decimal Position, decimal Cash, decimal Fees);

/// <summary>Written once at the end of a run, after drain: the venue's own view of balances and of orders still live.</summary>
public sealed record BookClosed(
    Symbol Symbol, IReadOnlyList<AccountBalance> Balances, IReadOnlyList<ClientOrderId> LiveTraderOrders,
    TimeSpan SimTime) : IExchangeEvent;
