using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Actors.Exchange;

/// <summary>Messages of the order and account flow: losing one is an error (a dead letter of one is reported), unlike
/// market data, which a stream can lose and resync.</summary>
public interface IBusinessMessage
{
    Symbol Symbol { get; }
}

/// <summary>Every request to the venue names its symbol: that is how the exchange routes it to the symbol's book
/// (and, in cluster mode, how a shard region would).</summary>
public interface IWithSymbol
{
    Symbol Symbol { get; }
}

// ----- order calls (answered by the symbol's book) -----

/// <summary>Idempotent by the request's client order id: a retry of a known order is answered, never placed twice.</summary>
public sealed record PlaceOrder(Symbol Symbol, OrderRequest Request) : IWithSymbol, IBusinessMessage;

public sealed record OrderPlaced(Symbol Symbol, ClientOrderId ClientOrderId) : IBusinessMessage;

public sealed record OrderPlacementRejected(Symbol Symbol, ClientOrderId ClientOrderId, string Reason) : IBusinessMessage;

/// <summary>On success the confirmation is the <see cref="AccountOrderCancelled"/> push; otherwise <see cref="CancelRejected"/>.</summary>
public sealed record CancelOrder(Symbol Symbol, AccountId Account, ClientOrderId ClientOrderId) : IWithSymbol, IBusinessMessage;

public sealed record CancelRejected(Symbol Symbol, ClientOrderId ClientOrderId, string Reason) : IBusinessMessage;

// ----- the account channel: fills and cancels pushed to the account's registered owner -----

/// <summary>
/// Makes the sender the owner of the account's pushes and asks for everything it may have missed: fills after
/// <paramref name="AfterFillSequence"/> and the venue's status of the orders the client believes are live.
/// Used at start, after a restart, and whenever the client detects a gap — it is idempotent.
/// </summary>
public sealed record SyncAccount(
    Symbol Symbol, AccountId Account, long AfterFillSequence, IReadOnlyList<ClientOrderId> BelievedLive) : IWithSymbol, IBusinessMessage;

/// <summary>Answer to <see cref="SyncAccount"/>. A believed-live order missing from <paramref name="Statuses"/> never
/// reached the venue.</summary>
public sealed record AccountSynced(
    Symbol Symbol, IReadOnlyList<AccountFill> MissedFills, IReadOnlyList<ExchangeOrderStatus> Statuses) : IBusinessMessage;

public sealed record AccountFillReport(AccountFill Fill) : IBusinessMessage
{
    public Symbol Symbol => Fill.Symbol;
}

/// <summary>The venue removed an order (cancel request, or the unfilled rest of a market order).
/// <paramref name="AccountFillSequence"/> is the account's last fill sequence at that moment: a client behind it has
/// missed a fill of this order and must sync before treating the order as terminal.</summary>
public sealed record AccountOrderCancelled(
    Symbol Symbol, ClientOrderId ClientOrderId, decimal RemainingQuantity, string Reason, long AccountFillSequence) : IBusinessMessage;

// ----- market data requests -----

public sealed record GetTicker(Symbol Symbol) : IWithSymbol;

public sealed record TickerReply(Symbol Symbol, Ticker Ticker);

public sealed record GetDepth(Symbol Symbol, int Levels) : IWithSymbol;

public sealed record DepthReply(Symbol Symbol, DepthSnapshot Depth);

// ----- the market-data stream (the simulated WebSocket), served by the exchange -----

public sealed record SubscribeMarketData(Symbol Symbol) : IWithSymbol;

public sealed record UnsubscribeMarketData(Symbol Symbol) : IWithSymbol;

/// <summary>First message after (re)subscribing: the state the following updates build on.</summary>
public sealed record MarketDataSnapshot(Symbol Symbol, long Sequence, Ticker Ticker, DepthSnapshot Depth);

public sealed record TradePrint(long TradeId, decimal Price, decimal Quantity, Side Aggressor, TimeSpan SimTime);

/// <summary>Sequence numbers are contiguous per symbol; a consumer that sees a jump has missed updates and resubscribes.</summary>
public sealed record MarketDataUpdate(
    Symbol Symbol, long Sequence, Ticker Ticker, DepthSnapshot Depth, IReadOnlyList<TradePrint> Trades);

/// <summary>Sent when a stream has been quiet for a heartbeat interval; carries the last sequence so a consumer can
/// also detect a gap on a quiet stream.</summary>
public sealed record MarketDataHeartbeat(Symbol Symbol, long Sequence);

// ----- failures the venue can answer with -----

/// <summary>The venue could not serve a request (an error reply, as opposed to no reply at all).</summary>
public sealed record RequestFailed(Symbol Symbol, string Request, string Reason) : IBusinessMessage;

/// <summary>The venue closed the market-data stream; the subscriber must subscribe again.</summary>
public sealed record MarketDataDisconnected(Symbol Symbol);

/// <summary>The venue closed the account channel; the owner must sync its account to open it again.</summary>
public sealed record AccountChannelClosed(Symbol Symbol);

/// <summary>Sent on the account channel every second: the account's last fill sequence, so an owner that missed the
/// last fills notices even when no further fill comes.</summary>
public sealed record AccountHeartbeat(Symbol Symbol, long LastFillSequence);
