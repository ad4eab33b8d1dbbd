using System.Net.WebSockets;
using Akka.Actor;
using ContinuousOperation.Actors.Exchange;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ContinuousOperation.Cli.Gateway;

/// <summary>
/// The WebSocket streams: <c>/ws/market/{symbol}</c>, one symbol's public stream per connection (trades, depth20,
/// bookTicker, heartbeats), and <c>/ws/account</c>, the private stream of the key's account (executionReports,
/// heartbeats). Each connection is an actor address for the venue and a bounded <see cref="WebSocketOutbox"/> for
/// the socket; what the client sends is read only to notice its close and to refuse an oversized frame.
/// </summary>
internal static class GatewayStreams
{
    public static void Map(IEndpointRouteBuilder routes, GatewayVenue venue)
    {
        routes.MapGet("/ws/market/{symbol}", context => MarketAsync(context, venue));
        routes.MapGet("/ws/account", context => AccountAsync(context, venue));
    }

    private static async Task MarketAsync(HttpContext context, GatewayVenue venue)
    {
        if (!venue.Symbols.TryParse(context.Request.RouteValues["symbol"] as string, out var symbol))
        {
            await GatewayVenue.Error(context, StatusCodes.Status400BadRequest, -1121, "Invalid symbol.");
            return;
        }

        await ServeAsync(context, venue, sink => venue.Exchange.Tell(new SubscribeMarketData(symbol), sink), message =>
        {
            if (message is MarketDataDisconnected) return null;
            return WireMapping.MarketEvents(message, DateTimeOffset.UtcNow);
        }, sink => venue.Exchange.Tell(new UnsubscribeMarketData(symbol), sink));
    }

    private static Task AccountAsync(HttpContext context, GatewayVenue venue)
    {
        var bridge = venue.BridgeOf(context);
        return ServeAsync(context, venue, sink => bridge.Tell(new AttachAccountStream(), sink), message =>
            message is AccountStreamEvent e && WireMapping.AccountEvent(e.Push, e.Order, DateTimeOffset.UtcNow) is { } frame ? [frame] : [],
            _ => { });
    }

    /// <param name="frames">What one message from the venue becomes on the wire; null when the venue closed the
    /// stream (the connection is closed, and the client reconnects).</param>
    private static async Task ServeAsync(
        HttpContext context, GatewayVenue venue, Action<IActorRef> attach,
        Func<object, IReadOnlyList<object>?> frames, Action<IActorRef> detach)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await GatewayVenue.Error(context, StatusCodes.Status400BadRequest, -1100, "A WebSocket upgrade is expected here.");
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { KeepAliveInterval = venue.Options.PingInterval });
        var outbox = new WebSocketOutbox(socket, venue.Options.SendQueueFrames, venue.Counters);
        var sink = venue.System.ActorOf(CallbackSink.Props(message =>
        {
            if (frames(message) is not { } toSend)
            {
                outbox.Complete();
                return;
            }

            foreach (var frame in toSend) outbox.Post(GatewayVenue.Frame(frame));
        }));
        attach(sink);
        await using var closing = venue.Closing.Register(outbox.Complete);
        try
        {
            await ConverseAsync(socket, outbox, venue, context.RequestAborted);
        }
        finally
        {
            detach(sink);
            venue.System.Stop(sink);
        }
    }

    /// <summary>Runs the connection until either side ends it: the client closes (or vanishes), the venue closes the
    /// stream, the consumer is dropped for falling behind, or the client sends an oversized frame (closed with 1009).</summary>
    private static async Task ConverseAsync(WebSocket socket, WebSocketOutbox outbox, GatewayVenue venue, CancellationToken aborted)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var sending = outbox.SendAllAsync(stop.Token);
        var receiving = ReceiveUntilEndAsync(socket, venue, stop.Token);
        var first = await Task.WhenAny(sending, receiving);
        outbox.Complete();
        // What is queued still goes (a bounded amount), then the close; a peer that takes no more is cut after a grace.
        stop.CancelAfter(TimeSpan.FromSeconds(2));
        await sending;
        if (first == receiving && await receiving is { } close)
            await CloseAsync(socket, close.Status, close.Description, stop.Token);
        else if (!outbox.Dropped)
            await CloseAsync(socket, WebSocketCloseStatus.EndpointUnavailable, "stream closed by the venue; reconnect", stop.Token);
        await receiving;
    }

    /// <returns>How to close the connection, or null if it is already broken.</returns>
    private static async Task<(WebSocketCloseStatus Status, string Description)?> ReceiveUntilEndAsync(
        WebSocket socket, GatewayVenue venue, CancellationToken cancellation)
    {
        var buffer = new byte[venue.Options.MaxFrameBytes];
        var filled = 0;
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(filled), cancellation);
                if (result.MessageType == WebSocketMessageType.Close) return (WebSocketCloseStatus.NormalClosure, "bye");
                filled = result.EndOfMessage ? 0 : filled + result.Count;
                if (filled < buffer.Length) continue;
                venue.Counters.CountOversized();
                return (WebSocketCloseStatus.MessageTooBig, $"frames are limited to {buffer.Length} bytes");
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
            return null;
        }
    }

    private static async Task CloseAsync(WebSocket socket, WebSocketCloseStatus status, string description, CancellationToken cancellation)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived)) return;
        try
        {
            await socket.CloseOutputAsync(status, description, cancellation);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
            // The peer is gone: there is no one left to tell.
        }
    }
}
