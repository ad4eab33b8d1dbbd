using System.Text.Json;
using Akka.Actor;
using ContinuousOperation.Domain.Primitives;
using Microsoft.AspNetCore.Http;

namespace ContinuousOperation.Cli.Gateway;

/// <summary>What every handler of the gateway works with: the venue's actors, the symbols, the limits and counters,
/// and the small helpers of a reply.</summary>
internal sealed class GatewayVenue(
    ActorSystem system, IActorRef exchange, WireSymbols symbols, IReadOnlyDictionary<AccountId, IActorRef> bridges,
    GatewayOptions options, GatewayCounters counters, CancellationToken closing)
{
    private const string AccountItem = "gateway.account";

    public ActorSystem System { get; } = system;

    public IActorRef Exchange { get; } = exchange;

    public WireSymbols Symbols { get; } = symbols;

    public GatewayOptions Options { get; } = options;

    public GatewayCounters Counters { get; } = counters;

    /// <summary>Cancelled when the gateway stops: every stream is closed then (1001, going away), not left to the
    /// server's shutdown timeout.</summary>
    public CancellationToken Closing { get; } = closing;

    /// <summary>The account of the request's key (the gate put it there; every endpoint is behind the gate).</summary>
    public static AccountId AccountOf(HttpContext context) => (AccountId)context.Items[AccountItem]!;

    public static void SetAccount(HttpContext context, AccountId account) => context.Items[AccountItem] = account;

    public IActorRef BridgeOf(HttpContext context) => bridges[AccountOf(context)];

    public static byte[] Frame(object body) => JsonSerializer.SerializeToUtf8Bytes(body, body.GetType());

    public static async Task Reply(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(Frame(body), context.RequestAborted);
    }

    public static Task Error(HttpContext context, int status, int code, string message) =>
        Reply(context, status, new WireError(code, message));

    /// <summary>Asks the venue; null (after answering 503, as Binance does for a backend timeout) if it does not answer in time.</summary>
    public async Task<object?> AskOrUnavailable(HttpContext context, IActorRef target, object message)
    {
        try
        {
            return await target.Ask<object>(message, Options.VenueTimeout, context.RequestAborted);
        }
        catch (AskTimeoutException)
        {
            await Error(context, StatusCodes.Status503ServiceUnavailable, -1007, "Timeout waiting for response from backend server.");
            return null;
        }
    }
}
