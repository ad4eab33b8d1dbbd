using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using static ContinuousOperation.Soak.Tests.Wire.GatewayHarness;

namespace ContinuousOperation.Soak.Tests.Wire;

/// <summary>What the gateway refuses, over real sockets: unknown keys, requests past the budget, oversized bodies and
/// frames, and a client that vanishes in the middle of a frame.</summary>
public sealed class GatewaySafetyTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("not-a-key")]
    public async Task A_request_without_a_valid_key_gets_401(string? key)
    {
        await using var harness = await StartAsync();
        using var http = harness.Http(key);

        var response = await http.GetAsync("api/v3/ticker/bookTicker?symbol=BTCUSDT");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(-2015, (await JsonAsync(response)).GetProperty("code").GetInt32());
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => harness.ConnectAsync("ws/account", key));
        Assert.Contains("401", refused.Message);
        Assert.Equal(2, harness.Gateway.Counters.Unauthorized);
    }

    [Fact]
    public async Task A_key_past_its_budget_gets_429_with_retry_after()
    {
        // Three requests at once, and practically no refill during the test.
        await using var harness = await StartAsync(o => o with { Burst = 3, RequestsPerSecond = 0.01 });
        using var http = harness.Http();

        for (var i = 0; i < 3; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await http.GetAsync("api/v3/depth?symbol=BTCUSDT")).StatusCode);
        var refused = await http.GetAsync("api/v3/depth?symbol=BTCUSDT");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal(-1003, (await JsonAsync(refused)).GetProperty("code").GetInt32());
        Assert.Equal(1, harness.Gateway.Counters.RateLimited);
    }

    [Fact]
    public async Task An_oversized_request_body_is_refused_with_413()
    {
        await using var harness = await StartAsync(o => o with { MaxRequestBodyBytes = 1024 });
        using var http = harness.Http();

        var response = await http.PostAsync("api/v3/order", Form(
            ("symbol", "BTCUSDT"), ("side", "BUY"), ("type", "MARKET"), ("quantity", "1"), ("newClientOrderId", "big"),
            ("padding", new string('x', 4096))));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(1, harness.Gateway.Counters.Oversized);
    }

    [Fact]
    public async Task An_oversized_frame_closes_the_connection_with_1009()
    {
        await using var harness = await StartAsync(o => o with { MaxFrameBytes = 1024 });
        using var market = await harness.ConnectAsync("ws/market/BTCUSDT");

        await market.SendAsync(new byte[4096], WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        var closed = await Assert.ThrowsAsync<WebSocketException>(() => ReceiveUntilAsync(market, _ => false));

        Assert.Contains("closed by the server", closed.Message);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, market.CloseStatus);
        Assert.Equal(1, harness.Gateway.Counters.Oversized);
    }

    [Fact]
    public async Task Stopping_the_gateway_closes_its_streams_with_going_away()
    {
        await using var harness = await StartAsync();
        using var market = await harness.ConnectAsync("ws/market/BTCUSDT");
        using var account = await harness.ConnectAsync("ws/account");
        await ReceiveUntilAsync(market, f => IsEvent(f, "depth20"));

        await harness.Gateway.DisposeAsync();

        foreach (var stream in new[] { market, account })
        {
            await Assert.ThrowsAsync<WebSocketException>(() => ReceiveUntilAsync(stream, _ => false));
            Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, stream.CloseStatus);
        }
    }

    [Fact]
    public async Task A_client_killed_mid_frame_disturbs_neither_the_server_nor_the_other_clients()
    {
        await using var harness = await StartAsync();
        using var bystander = await harness.ConnectAsync("ws/market/BTCUSDT");
        await ReceiveUntilAsync(bystander, f => IsEvent(f, "depth20"));

        using (var victim = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            await victim.ConnectAsync(harness.Gateway.Address.Host, harness.Gateway.Address.Port);
            await using var stream = new NetworkStream(victim);
            await stream.WriteAsync(Encoding.ASCII.GetBytes(
                $"GET /ws/market/BTCUSDT HTTP/1.1\r\nHost: {harness.Gateway.Address.Authority}\r\nUpgrade: websocket\r\n" +
                "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n" +
                $"X-MBX-APIKEY: {Key}\r\n\r\n"));
            var reply = new byte[1024];
            var read = await stream.ReadAsync(reply);
            Assert.StartsWith("HTTP/1.1 101", Encoding.ASCII.GetString(reply, 0, read));

            // A masked text frame announcing 1,000 bytes, of which 100 are sent before the connection is reset.
            byte[] header = [0x81, 0x80 | 126, 0x03, 0xE8, 1, 2, 3, 4];
            await stream.WriteAsync(header.Concat(new byte[100]).ToArray());
            victim.LingerState = new LingerOption(enable: true, seconds: 0);
        }

        // The bystander's stream goes on: a further update comes after the reset.
        var before = (await ReceiveUntilAsync(bystander, f => IsEvent(f, "depth20"))).GetProperty("lastUpdateId").GetInt64();
        await ReceiveUntilAsync(bystander, f => IsEvent(f, "depth20") && f.GetProperty("lastUpdateId").GetInt64() > before);
        using var http = harness.Http();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("api/v3/ticker/bookTicker?symbol=BTCUSDT")).StatusCode);
        using var newcomer = await harness.ConnectAsync("ws/market/BTCUSDT");
        await ReceiveUntilAsync(newcomer, f => IsEvent(f, "depth20"));
    }
}
