using System.Globalization;
using ContinuousOperation.Actors.Exchange;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Cli.Gateway;

/// <summary>A request's order, or why it cannot be one (a Binance error code and message).</summary>
internal sealed record ParsedOrder(Symbol Symbol, OrderRequest? Request, WireError? Error);

/// <summary>
/// Domain ⇄ wire, both ways, and nothing else: no socket, no actor, no clock (event times come in as
/// <c>now</c>). Binance's names and enums: sides BUY/SELL, types LIMIT/MARKET, statuses NEW / PARTIALLY_FILLED /
/// FILLED / CANCELED.
/// </summary>
internal static class WireMapping
{
    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Number(decimal? value) => value is { } v ? Number(v) : null;

    public static long Millis(DateTimeOffset now) => now.ToUnixTimeMilliseconds();

    private static string Side(Side side) => side == Domain.Primitives.Side.Buy ? "BUY" : "SELL";

    private static string Type(OrderType type) => type == OrderType.Limit ? "LIMIT" : "MARKET";

    private static string Status(decimal filled, decimal quantity) =>
        filled >= quantity ? "FILLED" : filled > 0 ? "PARTIALLY_FILLED" : "NEW";

    /// <summary>Reads <c>POST /api/v3/order</c>'s parameters (<paramref name="field"/> gives one by name, null if absent).</summary>
    public static ParsedOrder ParseOrder(Func<string, string?> field, WireSymbols symbols, AccountId account)
    {
        ParsedOrder Fail(int code, string message) => new(default, null, new WireError(code, message));

        if (!symbols.TryParse(field("symbol"), out var symbol)) return Fail(-1121, "Invalid symbol.");
        Side? side = field("side")?.ToUpperInvariant() switch { "BUY" => Domain.Primitives.Side.Buy, "SELL" => Domain.Primitives.Side.Sell, _ => null };
        if (side is null) return Fail(-1102, "Parameter 'side' must be BUY or SELL.");
        OrderType? type = field("type")?.ToUpperInvariant() switch { "LIMIT" => OrderType.Limit, "MARKET" => OrderType.Market, _ => null };
        if (type is null) return Fail(-1102, "Parameter 'type' must be LIMIT or MARKET.");
        if (!TryDecimal(field("quantity"), out var quantity)) return Fail(-1102, "Parameter 'quantity' must be a number.");
        decimal? price = null;
        if (type == OrderType.Limit)
        {
            if (!TryDecimal(field("price"), out var limit)) return Fail(-1102, "Parameter 'price' must be a number for a LIMIT order.");
            price = limit;
        }

        var clientOrderId = field("newClientOrderId");
        if (string.IsNullOrWhiteSpace(clientOrderId) || clientOrderId.Length > 36)
            return Fail(-1102, "Parameter 'newClientOrderId' is required (1 to 36 characters).");
        return new ParsedOrder(symbol, new OrderRequest(account, new ClientOrderId(clientOrderId), side.Value, type.Value, price, quantity), null);
    }

    private static bool TryDecimal(string? text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    public static WireOrderAck Ack(Symbol symbol, OrderRequest request, DateTimeOffset now) => new(
        WireSymbols.ToWire(symbol), request.ClientOrderId.Value, Millis(now), Number(request.LimitPrice ?? 0m),
        Number(request.Quantity), "0", "NEW", Type(request.Type), Side(request.Side));

    public static WireCancelAck CancelAck(AccountOrderCancelled cancelled) => new(
        WireSymbols.ToWire(cancelled.Symbol), cancelled.ClientOrderId.Value, "CANCELED", Number(cancelled.RemainingQuantity));

    public static WireMyTrade MyTrade(AccountFill fill) => new(
        WireSymbols.ToWire(fill.Symbol), fill.AccountFillSequence, fill.FillId.Value, fill.ClientOrderId.Value,
        Number(fill.Price), Number(fill.Quantity), Number(fill.Fee), fill.Side == Domain.Primitives.Side.Buy, fill.IsMaker);

    public static WireOpenOrder OpenOrder(Symbol symbol, ExchangeOrderStatus status) => new(
        WireSymbols.ToWire(symbol), status.ClientOrderId.Value, Number(status.LimitPrice ?? 0m), Number(status.Quantity),
        Number(status.Filled), Status(status.Filled, status.Quantity), Type(status.Type), Side(status.Side));

    public static WireBookTicker BookTicker(DepthSnapshot depth) => new(
        WireSymbols.ToWire(depth.Symbol), Number(depth.BestBid), TopQuantity(depth.Bids), Number(depth.BestAsk), TopQuantity(depth.Asks));

    private static string? TopQuantity(IReadOnlyList<DepthLevel> levels) => levels.Count > 0 ? Number(levels[0].Quantity) : null;

    public static WireDepth Depth(DepthSnapshot depth, long lastUpdateId, int limit) =>
        new(lastUpdateId, Levels(depth.Bids, limit), Levels(depth.Asks, limit));

    private static IReadOnlyList<string[]> Levels(IReadOnlyList<DepthLevel> levels, int limit) =>
        levels.Take(limit).Select(l => new[] { Number(l.Price), Number(l.Quantity) }).ToArray();

    // ----- the public market stream -----

    /// <summary>What one market-data message becomes on the wire, in order: trades first, then the book, then the
    /// ticker; all carry the update's sequence. Anything else the exchange sends a subscriber has no frame.</summary>
    public static IReadOnlyList<object> MarketEvents(object message, DateTimeOffset now) => message switch
    {
        MarketDataUpdate u => [.. u.Trades.Select(t => Trade(u.Symbol, u.Sequence, t, now)), DepthEvent(u.Symbol, u.Sequence, u.Depth), TickerEvent(u.Sequence, u.Depth)],
        MarketDataSnapshot s => [DepthEvent(s.Symbol, s.Sequence, s.Depth), TickerEvent(s.Sequence, s.Depth)],
        MarketDataHeartbeat h => [new WireHeartbeatEvent("heartbeat", Millis(now), WireSymbols.ToWire(h.Symbol), h.Sequence)],
        _ => [],
    };

    private static WireTradeEvent Trade(Symbol symbol, long sequence, TradePrint print, DateTimeOffset now) => new(
        "trade", Millis(now), WireSymbols.ToWire(symbol), print.TradeId, Number(print.Price), Number(print.Quantity),
        // The maker is the side the aggressor hit: a sell aggressor means the buyer was resting.
        BuyerIsMaker: print.Aggressor == Domain.Primitives.Side.Sell, sequence);

    private static WireDepthEvent DepthEvent(Symbol symbol, long sequence, DepthSnapshot depth) => new(
        "depth20", WireSymbols.ToWire(symbol), sequence, Levels(depth.Bids, 20), Levels(depth.Asks, 20));

    private static WireBookTickerEvent TickerEvent(long sequence, DepthSnapshot depth)
    {
        var ticker = BookTicker(depth);
        return new("bookTicker", sequence, ticker.Symbol, ticker.BidPrice, ticker.BidQuantity, ticker.AskPrice, ticker.AskQuantity);
    }

    // ----- the private account stream -----

    /// <summary>An account event as an <c>executionReport</c> (heartbeats as ours). <paramref name="order"/> is the
    /// order the event is about, as the gateway placed it, with its quantity filled after the event.</summary>
    public static object? AccountEvent(object push, TrackedOrder? order, DateTimeOffset now)
    {
        var time = Millis(now);
        return push switch
        {
            OrderPlaced placed when order is not null => Report(time, placed.Symbol, order, "NEW", "NEW", 0m, 0m, 0m, null, false, 0),
            AccountFillReport { Fill: var f } when order is not null =>
                Report(time, f.Symbol, order, "TRADE", Status(order.Filled, order.Request.Quantity), f.Quantity, f.Price, f.Fee, f.FillId.Value, f.IsMaker, f.AccountFillSequence),
            AccountOrderCancelled c when order is not null =>
                Report(time, c.Symbol, order, "CANCELED", "CANCELED", 0m, 0m, 0m, null, false, c.AccountFillSequence),
            AccountHeartbeat h => new WireHeartbeatEvent("heartbeat", time, WireSymbols.ToWire(h.Symbol), h.LastFillSequence),
            _ => null,
        };
    }

    private static WireExecutionReport Report(
        long time, Symbol symbol, TrackedOrder order, string execution, string status, decimal lastQuantity, decimal lastPrice,
        decimal commission, string? tradeId, bool maker, long fillSequence) => new(
        "executionReport", time, WireSymbols.ToWire(symbol), order.Request.ClientOrderId.Value, Side(order.Request.Side),
        Type(order.Request.Type), Number(order.Request.Quantity), Number(order.Request.LimitPrice ?? 0m), execution, status,
        Number(lastQuantity), Number(lastPrice), Number(commission), tradeId, maker, fillSequence);
}

/// <summary>An order placed through the gateway, and how much of it has filled so far.</summary>
internal sealed record TrackedOrder(OrderRequest Request, decimal Filled);
