using Akka.Actor;
using ContinuousOperation.Domain.Primitives;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ContinuousOperation.Cli.Gateway;

/// <summary>
/// The venue on a real wire (docs/wire.md): Kestrel on <see cref="GatewayOptions.Bind"/> (loopback unless told), REST
/// and WebSocket endpoints shaped after Binance's spot API, every one behind the API-key gate and its rate limit,
/// talking to the exchange seam the run already has, by Ask and Tell, through one <see cref="AccountBridge"/> per
/// account. The actor tree does not know it is there.
/// </summary>
internal sealed class ExchangeGateway : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ActorSystem _system;
    private readonly IReadOnlyCollection<IActorRef> _bridges;
    private readonly CancellationTokenSource _closing;
    private int _disposed;

    private ExchangeGateway(
        WebApplication app, ActorSystem system, IReadOnlyCollection<IActorRef> bridges, CancellationTokenSource closing,
        GatewayCounters counters, Uri address)
    {
        _app = app;
        _closing = closing;
        _system = system;
        _bridges = bridges;
        Counters = counters;
        Address = address;
    }

    /// <summary>Where it listens, e.g. <c>http://127.0.0.1:41234/</c> (the port chosen when 0 was asked for).</summary>
    public Uri Address { get; }

    public GatewayCounters Counters { get; }

    public static async Task<ExchangeGateway> StartAsync(
        ActorSystem system, IActorRef exchange, IReadOnlyCollection<Symbol> symbols, GatewayOptions options,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var counters = new GatewayCounters();
        var bridges = options.Keys.Accounts.ToDictionary(account => account, account => system.ActorOf(AccountBridge.Props(account, exchange, symbols)));
        var closing = new CancellationTokenSource();
        var venue = new GatewayVenue(system, exchange, new WireSymbols(symbols), bridges, options, counters, closing.Token);

        // The empty builder: no configuration files (so no file watcher), no logging providers (so no request line,
        // header or key is ever logged by the framework), only Kestrel and routing.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            kestrel.Listen(options.Bind, options.Port);
        });
        builder.Services.AddRoutingCore();
        builder.Services.AddLogging();
        var app = builder.Build();
        app.Use(new GatewayGate(options.Keys, new RateLimiter(options.Burst, options.RequestsPerSecond), counters, clock).InvokeAsync);
        app.UseWebSockets();
        app.UseRouting();
        GatewayRest.Map(app, venue);
        GatewayStreams.Map(app, venue);
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new ExchangeGateway(app, system, bridges.Values, closing, counters, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    /// <summary>Stops the gateway (the venue's actors stay); a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        // The streams first: Kestrel's stop waits for every open connection.
        await _closing.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        foreach (var bridge in _bridges) _system.Stop(bridge);
        _closing.Dispose();
    }
}
