using System.Globalization;
using ContinuousOperation.Actors.Exchange;
using ContinuousOperation.Domain.Primitives;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ContinuousOperation.Cli.Gateway;

/// <summary>The REST endpoints, after Binance's <c>/api/v3</c>: parameters in the query string or (for POST and
/// DELETE) a form body, JSON replies, Binance's error codes.</summary>
internal static class GatewayRest
{
    public static void Map(IEndpointRouteBuilder routes, GatewayVenue venue)
    {
        routes.MapPost("/api/v3/order", context => PlaceAsync(context, venue));
        routes.MapDelete("/api/v3/order", context => CancelAsync(context, venue));
        routes.MapGet("/api/v3/openOrders", context => OpenOrdersAsync(context, venue));
        routes.MapGet("/api/v3/myTrades", context => MyTradesAsync(context, venue));
        routes.MapGet("/api/v3/ticker/bookTicker", context => BookTickerAsync(context, venue));
        routes.MapGet("/api/v3/depth", context => DepthAsync(context, venue));
    }

    private static async Task PlaceAsync(HttpContext context, GatewayVenue venue)
    {
        if (await ParametersAsync(context, venue) is not { } field) return;
        var parsed = WireMapping.ParseOrder(field, venue.Symbols, GatewayVenue.AccountOf(context));
        if (parsed.Request is not { } request)
        {
            await GatewayVenue.Error(context, StatusCodes.Status400BadRequest, parsed.Error!.Code, parsed.Error.Message);
            return;
        }

        switch (await venue.AskOrUnavailable(context, venue.BridgeOf(context), new BridgePlace(parsed.Symbol, request)))
        {
            case OrderPlaced:
                await GatewayVenue.Reply(context, StatusCodes.Status200OK, WireMapping.Ack(parsed.Symbol, request, DateTimeOffset.UtcNow));
                break;
            case OrderPlacementRejected rejected:
                await GatewayVenue.Error(context, StatusCodes.Status400BadRequest, -2010, rejected.Reason);
                break;
        }
    }

    private static async Task CancelAsync(HttpContext context, GatewayVenue venue)
    {
        if (await ParametersAsync(context, venue) is not { } field || await SymbolAsync(context, venue, field("symbol")) is not { } symbol) return;
        if (field("origClientOrderId") is not { Length: > 0 } clientOrderId)
        {
            await GatewayVenue.Error(context, StatusCodes.Status400BadRequest, -1102, "Parameter 'origClientOrderId' is required.");
            return;
        }

        switch (await venue.AskOrUnavailable(context, venue.BridgeOf(context), new BridgeCancel(symbol, new ClientOrderId(clientOrderId))))
        {
            case AccountOrderCancelled cancelled:
                await GatewayVenue.Reply(context, StatusCodes.Status200OK, WireMapping.CancelAck(cancelled));
                break;
            case CancelRejected rejected:
                await GatewayVenue.Error(context, StatusCodes.Status400BadRequest, -2011, rejected.Reason);
                break;
        }
    }

    private static async Task OpenOrdersAsync(HttpContext context, GatewayVenue venue)
    {
        if (await SymbolAsync(context, venue, context.Request.Query["symbol"]) is not { } symbol) return;
        if (await venue.AskOrUnavailable(context, venue.BridgeOf(context), new BridgeQuery(symbol, long.MaxValue)) is AccountSynced synced)
            await GatewayVenue.Reply(context, StatusCodes.Status200OK, synced.Statuses
                .Where(s => s.State == Domain.Exchange.ExchangeOrderState.Live)
                .Select(s => WireMapping.OpenOrder(symbol, s)).ToArray());
    }

    /// <summary>Binance's <c>fromId</c> is inclusive; the venue's sync takes the fills after a sequence.</summary>
    private static async Task MyTradesAsync(HttpContext context, GatewayVenue venue)
    {
        if (await SymbolAsync(context, venue, context.Request.Query["symbol"]) is not { } symbol) return;
        var fromText = context.Request.Query["fromId"].ToString();
        long fromId = 1;
        if (fromText.Length > 0 && (!long.TryParse(fromText, NumberStyles.None, CultureInfo.InvariantCulture, out fromId) || fromId < 1))
        {
            await GatewayVenue.Error(context, StatusCodes.Status400BadRequest, -1102, "Parameter 'fromId' must be a positive integer.");
            return;
        }

        if (await venue.AskOrUnavailable(context, venue.BridgeOf(context), new BridgeQuery(symbol, fromId - 1)) is AccountSynced synced)
            await GatewayVenue.Reply(context, StatusCodes.Status200OK, synced.MissedFills.Select(WireMapping.MyTrade).ToArray());
    }

    private static async Task BookTickerAsync(HttpContext context, GatewayVenue venue)
    {
        if (await SymbolAsync(context, venue, context.Request.Query["symbol"]) is not { } symbol) return;
        if (await venue.AskOrUnavailable(context, venue.Exchange, new GetDepth(symbol, 1)) is DepthReply reply)
            await GatewayVenue.Reply(context, StatusCodes.Status200OK, WireMapping.BookTicker(reply.Depth));
    }

    private static async Task DepthAsync(HttpContext context, GatewayVenue venue)
    {
        if (await SymbolAsync(context, venue, context.Request.Query["symbol"]) is not { } symbol) return;
        var limitText = context.Request.Query["limit"].ToString();
        var limit = 20;
        if (limitText.Length > 0 && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 20))
        {
            await GatewayVenue.Error(context, StatusCodes.Status400BadRequest, -1102, "Parameter 'limit' must be 1 to 20.");
            return;
        }

        // The REST book is not sequenced with the stream: lastUpdateId is its simulated time in milliseconds. A client
        // that follows the stream starts from the stream's own depth20 snapshot (docs/wire.md).
        if (await venue.AskOrUnavailable(context, venue.Exchange, new GetDepth(symbol, limit)) is DepthReply reply)
            await GatewayVenue.Reply(context, StatusCodes.Status200OK,
                WireMapping.Depth(reply.Depth, (long)reply.Depth.SimTime.TotalMilliseconds, limit));
    }

    private static async Task<Symbol?> SymbolAsync(HttpContext context, GatewayVenue venue, string? wireName)
    {
        if (venue.Symbols.TryParse(wireName, out var symbol)) return symbol;
        await GatewayVenue.Error(context, StatusCodes.Status400BadRequest, -1121, "Invalid symbol.");
        return null;
    }

    /// <summary>The request's parameters, query string and form body together; null (after answering 413) if the
    /// body is over the limit.</summary>
    private static async Task<Func<string, string?>?> ParametersAsync(HttpContext context, GatewayVenue venue)
    {
        IFormCollection? form = null;
        try
        {
            if (context.Request.HasFormContentType) form = await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            venue.Counters.CountOversized();
            await GatewayVenue.Error(context, StatusCodes.Status413PayloadTooLarge, -1104,
                $"Request body over {venue.Options.MaxRequestBodyBytes} bytes.");
            return null;
        }

        var query = context.Request.Query;
        return name => form?[name].FirstOrDefault() ?? query[name].FirstOrDefault();
    }
}
