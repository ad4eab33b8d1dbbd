using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace ContinuousOperation.Cli.Gateway;

/// <summary>
/// In front of every endpoint, REST and WebSocket alike: a request without a known key in <c>X-MBX-APIKEY</c> gets
/// 401 (Binance's -2015), one past its key's budget 429 (-1003) with Retry-After in whole seconds, as Binance does.
/// The key itself is never written anywhere.
/// </summary>
internal sealed class GatewayGate(ApiKeys keys, RateLimiter limiter, GatewayCounters counters, TimeProvider clock)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!keys.TryResolve(context.Request.Headers[ApiKeys.Header], out var account))
        {
            counters.CountUnauthorized();
            await GatewayVenue.Error(context, StatusCodes.Status401Unauthorized, -2015, "Invalid API-key, IP, or permissions for action.");
            return;
        }

        if (limiter.TryTake(account.Value, clock.GetUtcNow()) is { } wait)
        {
            counters.CountRateLimited();
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await GatewayVenue.Error(context, StatusCodes.Status429TooManyRequests, -1003, "Too many requests; wait for Retry-After.");
            return;
        }

        GatewayVenue.SetAccount(context, account);
        await next(context);
    }
}
