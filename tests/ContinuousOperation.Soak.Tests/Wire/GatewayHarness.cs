using System.Net.WebSockets;
using System.Text.Json;
using ContinuousOperation.Actors.Exchange;
using ContinuousOperation.Actors;
using ContinuousOperation.Cli.Database;
using ContinuousOperation.Cli.Gateway;
using ContinuousOperation.Cli.Hosting;
using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Soak.Tests.Wire;

/// <summary>
/// A venue for one symbol (BTC-USDT), journalled to a fresh SQLite file as the CLI configures it, behind the
/// gateway on a free 127.0.0.1 port, with one account's key. Clients are real <see cref="HttpClient"/>s and
/// <see cref="ClientWebSocket"/>s.
/// </summary>
internal sealed class GatewayHarness : IAsyncDisposable
{
    public const string Key = "test-key-alice";
    public static readonly AccountId Account = new("trader-alice");
    public static readonly Instrument Btc = InstrumentCatalog.For(new Symbol("BTC-USDT"));

    /// <summary>How long a test waits for anything from the server before it fails.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly string _folder;
    private readonly ActorHost _host;

    private GatewayHarness(string folder, ActorHost host, ExchangeGateway gateway)
    {
        _folder = folder;
        _host = host;
        Gateway = gateway;
    }

    public ExchangeGateway Gateway { get; }

    public static async Task<GatewayHarness> StartAsync(Func<GatewayOptions, GatewayOptions>? tune = null)
    {
        var folder = Directory.CreateTempSubdirectory("gateway-").FullName;
        var database = DatabaseTarget.SqliteFileAt(Path.Combine(folder, "journal.db"));
        await DatabasePreparation.PrepareForRunAsync(database, CancellationToken.None);
        var host = await ActorHost.StartAsync(database, userConfig: null, CancellationToken.None);
        var settings = new ExchangeSettings(
            [Btc], new MarketSettings(MarketCondition.Ranging), FeeSchedule.Default, Seed: 42, Speed: 1,
            TickInterval: TimeSpan.FromMilliseconds(50), HeartbeatInterval: TimeSpan.FromMilliseconds(500), RestartBackoff.Default)
        {
            Run = RunId.New(DateTimeOffset.UtcNow, 42, new Random(42)),
        };
        var exchange = StandaloneVenue.Start(host.System, settings);
        var options = new GatewayOptions(new ApiKeys(new Dictionary<string, AccountId> { [Key] = Account }));
        var gateway = await ExchangeGateway.StartAsync(host.System, exchange, [Btc.Symbol], (tune ?? (o => o))(options),
            TimeProvider.System, CancellationToken.None);
        return new GatewayHarness(folder, host, gateway);
    }

    public HttpClient Http(string? key = Key)
    {
        var client = new HttpClient { BaseAddress = Gateway.Address, Timeout = Patience };
        if (key is not null) client.DefaultRequestHeaders.Add(ApiKeys.Header, key);
        return client;
    }

    public async Task<ClientWebSocket> ConnectAsync(string path, string? key = Key)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (key is not null) socket.Options.SetRequestHeader(ApiKeys.Header, key);
        using var timeout = new CancellationTokenSource(Patience);
        await socket.ConnectAsync(new UriBuilder(new Uri(Gateway.Address, path)) { Scheme = "ws" }.Uri, timeout.Token);
        return socket;
    }

    /// <summary>Reads frames until one matches; fails the test if none does within <see cref="Patience"/>.</summary>
    public static async Task<JsonElement> ReceiveUntilAsync(WebSocket socket, Func<JsonElement, bool> wanted)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var length = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.AsMemory(length), timeout.Token);
                length += result.Count;
            }
            while (!result.EndOfMessage);

            if (result.MessageType == WebSocketMessageType.Close) throw new WebSocketException($"closed by the server: {socket.CloseStatus}");
            var frame = JsonDocument.Parse(buffer.AsMemory(0, length)).RootElement.Clone();
            if (wanted(frame)) return frame;
        }
    }

    public static bool IsEvent(JsonElement frame, string name) =>
        frame.TryGetProperty("e", out var e) && e.GetString() == name;

    public static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await _host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
