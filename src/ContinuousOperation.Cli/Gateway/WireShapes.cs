using System.Text.Json.Serialization;

namespace ContinuousOperation.Cli.Gateway;

// The shapes on the wire, after Binance's spot API (REST /api/v3 and its WebSocket streams), field for field where the
// venue has the field; docs/wire.md lists them and the few fields that are ours (marked there). Prices and quantities
// are strings, as Binance writes them, so no decimal goes through a binary float.

/// <summary>Binance's error body: <c>{"code":-1121,"msg":"Invalid symbol."}</c>.</summary>
internal sealed record WireError(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("msg")] string Message);

/// <summary>Reply of <c>POST /api/v3/order</c> (Binance's RESULT response type).</summary>
internal sealed record WireOrderAck(
    [property: JsonPropertyName("symbol")] string Symbol,
    [property: JsonPropertyName("clientOrderId")] string ClientOrderId,
    [property: JsonPropertyName("transactTime")] long TransactTime,
    [property: JsonPropertyName("price")] string Price,
    [property: JsonPropertyName("origQty")] string OriginalQuantity,
    [property: JsonPropertyName("executedQty")] string ExecutedQuantity,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("side")] string Side);

/// <summary>Reply of <c>DELETE /api/v3/order</c>; <c>remainingQty</c> is ours: what was still open when cancelled.</summary>
internal sealed record WireCancelAck(
    [property: JsonPropertyName("symbol")] string Symbol,
    [property: JsonPropertyName("origClientOrderId")] string OriginalClientOrderId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("remainingQty")] string RemainingQuantity);

/// <summary>One entry of <c>GET /api/v3/myTrades</c>: <c>id</c> is the account's fill sequence, so <c>fromId</c>
/// asks for the fills from that one on.</summary>
internal sealed record WireMyTrade(
    [property: JsonPropertyName("symbol")] string Symbol,
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("tradeId")] string FillId,
    [property: JsonPropertyName("clientOrderId")] string ClientOrderId,
    [property: JsonPropertyName("price")] string Price,
    [property: JsonPropertyName("qty")] string Quantity,
    [property: JsonPropertyName("commission")] string Commission,
    [property: JsonPropertyName("isBuyer")] bool IsBuyer,
    [property: JsonPropertyName("isMaker")] bool IsMaker);

/// <summary><c>GET /api/v3/ticker/bookTicker</c>, and the payload of the <c>bookTicker</c> stream event.</summary>
internal sealed record WireBookTicker(
    [property: JsonPropertyName("symbol")] string Symbol,
    [property: JsonPropertyName("bidPrice")] string? BidPrice,
    [property: JsonPropertyName("bidQty")] string? BidQuantity,
    [property: JsonPropertyName("askPrice")] string? AskPrice,
    [property: JsonPropertyName("askQty")] string? AskQuantity);

/// <summary><c>GET /api/v3/depth</c>: levels are <c>[price, quantity]</c> pairs, best first.</summary>
internal sealed record WireDepth(
    [property: JsonPropertyName("lastUpdateId")] long LastUpdateId,
    [property: JsonPropertyName("bids")] IReadOnlyList<string[]> Bids,
    [property: JsonPropertyName("asks")] IReadOnlyList<string[]> Asks);

/// <summary>One entry of <c>GET /api/v3/openOrders</c>.</summary>
internal sealed record WireOpenOrder(
    [property: JsonPropertyName("symbol")] string Symbol,
    [property: JsonPropertyName("clientOrderId")] string ClientOrderId,
    [property: JsonPropertyName("price")] string Price,
    [property: JsonPropertyName("origQty")] string OriginalQuantity,
    [property: JsonPropertyName("executedQty")] string ExecutedQuantity,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("side")] string Side);

// ----- stream events: Binance's one-letter keys, with "e" naming the event -----

/// <summary>A public trade (<c>&lt;symbol&gt;@trade</c>); <c>u</c> is ours: the stream's sequence number.</summary>
internal sealed record WireTradeEvent(
    [property: JsonPropertyName("e")] string Event,
    [property: JsonPropertyName("E")] long EventTime,
    [property: JsonPropertyName("s")] string Symbol,
    [property: JsonPropertyName("t")] long TradeId,
    [property: JsonPropertyName("p")] string Price,
    [property: JsonPropertyName("q")] string Quantity,
    [property: JsonPropertyName("m")] bool BuyerIsMaker,
    [property: JsonPropertyName("u")] long Sequence);

/// <summary>The 20-level book (<c>&lt;symbol&gt;@depth20</c>); <c>e</c> and <c>s</c> are added so one connection can
/// carry every event kind.</summary>
internal sealed record WireDepthEvent(
    [property: JsonPropertyName("e")] string Event,
    [property: JsonPropertyName("s")] string Symbol,
    [property: JsonPropertyName("lastUpdateId")] long LastUpdateId,
    [property: JsonPropertyName("bids")] IReadOnlyList<string[]> Bids,
    [property: JsonPropertyName("asks")] IReadOnlyList<string[]> Asks);

/// <summary>Best bid and ask (<c>&lt;symbol&gt;@bookTicker</c>).</summary>
internal sealed record WireBookTickerEvent(
    [property: JsonPropertyName("e")] string Event,
    [property: JsonPropertyName("u")] long UpdateId,
    [property: JsonPropertyName("s")] string Symbol,
    [property: JsonPropertyName("b")] string? BidPrice,
    [property: JsonPropertyName("B")] string? BidQuantity,
    [property: JsonPropertyName("a")] string? AskPrice,
    [property: JsonPropertyName("A")] string? AskQuantity);

/// <summary>Ours: sent on a quiet stream. <c>u</c> is the market stream's last sequence, or on the account stream
/// the account's last fill sequence, so a gap shows even when nothing else comes.</summary>
internal sealed record WireHeartbeatEvent(
    [property: JsonPropertyName("e")] string Event,
    [property: JsonPropertyName("E")] long EventTime,
    [property: JsonPropertyName("s")] string Symbol,
    [property: JsonPropertyName("u")] long Sequence);

/// <summary>The account stream's order event (Binance's <c>executionReport</c>): <c>x</c> is NEW (acknowledged),
/// TRADE (a fill) or CANCELED. <c>f</c> is ours: the account's fill sequence (0 on NEW).</summary>
internal sealed record WireExecutionReport(
    [property: JsonPropertyName("e")] string Event,
    [property: JsonPropertyName("E")] long EventTime,
    [property: JsonPropertyName("s")] string Symbol,
    [property: JsonPropertyName("c")] string ClientOrderId,
    [property: JsonPropertyName("S")] string Side,
    [property: JsonPropertyName("o")] string Type,
    [property: JsonPropertyName("q")] string Quantity,
    [property: JsonPropertyName("p")] string Price,
    [property: JsonPropertyName("x")] string ExecutionType,
    [property: JsonPropertyName("X")] string Status,
    [property: JsonPropertyName("l")] string LastQuantity,
    [property: JsonPropertyName("L")] string LastPrice,
    [property: JsonPropertyName("n")] string Commission,
    [property: JsonPropertyName("t")] string? TradeId,
    [property: JsonPropertyName("m")] bool IsMaker,
    [property: JsonPropertyName("f")] long FillSequence);
