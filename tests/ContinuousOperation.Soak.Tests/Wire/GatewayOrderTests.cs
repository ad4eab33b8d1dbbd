using System.Net;
using System.Net.WebSockets;
using static ContinuousOperation.Soak.Tests.Wire.GatewayHarness;

namespace ContinuousOperation.Soak.Tests.Wire;

/// <summary>The order flow over real sockets: REST in, acknowledgement and fill out on the private stream, and the
/// same fill read back over REST.</summary>
public sealed class GatewayOrderTests
{
    [Fact]
    public async Task A_market_order_is_acknowledged_over_rest_and_its_fill_comes_on_the_private_stream()
    {
        await using var harness = await StartAsync();
        using var account = await harness.ConnectAsync("ws/account");
        using var market = await harness.ConnectAsync("ws/market/btcusdt");
        // The book has liquidity once the stream shows an ask.
        await ReceiveUntilAsync(market, f => IsEvent(f, "bookTicker") && f.GetProperty("a").GetString() is not null);
        using var http = harness.Http();

        var response = await http.PostAsync("api/v3/order", Form(
            ("symbol", "BTCUSDT"), ("side", "BUY"), ("type", "MARKET"), ("quantity", WireNumber(Btc.LotSize)), ("newClientOrderId", "wire-1")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ack = await JsonAsync(response);
        Assert.Equal("wire-1", ack.GetProperty("clientOrderId").GetString());
        Assert.Equal("BTCUSDT", ack.GetProperty("symbol").GetString());
        Assert.Equal("NEW", ack.GetProperty("status").GetString());

        var isOurs = (System.Text.Json.JsonElement f) => IsEvent(f, "executionReport") && f.GetProperty("c").GetString() == "wire-1";
        var accepted = await ReceiveUntilAsync(account, isOurs);
        Assert.Equal("NEW", accepted.GetProperty("x").GetString());
        var fill = await ReceiveUntilAsync(account, f => isOurs(f) && f.GetProperty("x").GetString() == "TRADE");
        Assert.Equal("BUY", fill.GetProperty("S").GetString());
        Assert.Equal(WireNumber(Btc.LotSize), fill.GetProperty("l").GetString());
        var fillSequence = fill.GetProperty("f").GetInt64();
        Assert.True(fillSequence >= 1);

        // fromId is inclusive, as Binance's: asking from this fill's sequence returns it first.
        var trades = await JsonAsync(await http.GetAsync($"api/v3/myTrades?symbol=BTCUSDT&fromId={fillSequence}"));
        var first = trades.EnumerateArray().First();
        Assert.Equal(fillSequence, first.GetProperty("id").GetInt64());
        Assert.Equal(fill.GetProperty("t").GetString(), first.GetProperty("tradeId").GetString());
        Assert.Equal("wire-1", first.GetProperty("clientOrderId").GetString());
        Assert.Empty((await JsonAsync(await http.GetAsync($"api/v3/myTrades?symbol=BTCUSDT&fromId={fillSequence + 1}"))).EnumerateArray());
    }

    [Fact]
    public async Task A_resting_limit_order_is_listed_as_open_until_it_is_cancelled()
    {
        await using var harness = await StartAsync();
        using var market = await harness.ConnectAsync("ws/market/BTCUSDT");
        var ticker = await ReceiveUntilAsync(market, f => IsEvent(f, "bookTicker") && f.GetProperty("b").GetString() is not null);
        // Far below the best bid: it rests and does not fill.
        var price = decimal.Parse(ticker.GetProperty("b").GetString()!, System.Globalization.CultureInfo.InvariantCulture) / 2;
        price = Math.Round(price / Btc.TickSize) * Btc.TickSize;
        using var http = harness.Http();

        var placed = await http.PostAsync("api/v3/order", Form(
            ("symbol", "BTCUSDT"), ("side", "BUY"), ("type", "LIMIT"), ("quantity", WireNumber(Btc.LotSize)),
            ("price", WireNumber(price)), ("newClientOrderId", "resting-1")));
        Assert.Equal(HttpStatusCode.OK, placed.StatusCode);

        var open = await JsonAsync(await http.GetAsync("api/v3/openOrders?symbol=BTCUSDT"));
        Assert.Contains(open.EnumerateArray(), o => o.GetProperty("clientOrderId").GetString() == "resting-1");

        var cancelled = await http.DeleteAsync("api/v3/order?symbol=BTCUSDT&origClientOrderId=resting-1");
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("CANCELED", (await JsonAsync(cancelled)).GetProperty("status").GetString());
        Assert.Empty((await JsonAsync(await http.GetAsync("api/v3/openOrders?symbol=BTCUSDT"))).EnumerateArray());
    }

    [Fact]
    public async Task An_order_the_venue_rejects_is_a_400_with_binance_s_code_and_the_venue_s_reason()
    {
        await using var harness = await StartAsync();
        using var http = harness.Http();

        var response = await http.PostAsync("api/v3/order", Form(
            ("symbol", "BTCUSDT"), ("side", "BUY"), ("type", "LIMIT"), ("quantity", WireNumber(Btc.LotSize)),
            ("price", WireNumber(Btc.TickSize / 10)), ("newClientOrderId", "off-grid")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await JsonAsync(response);
        Assert.Equal(-2010, error.GetProperty("code").GetInt32());
        Assert.Contains("tick size", error.GetProperty("msg").GetString());
    }

    [Fact]
    public async Task The_public_stream_numbers_its_updates_and_serves_the_twenty_level_book()
    {
        await using var harness = await StartAsync();
        using var market = await harness.ConnectAsync("ws/market/BTCUSDT");

        var first = await ReceiveUntilAsync(market, f => IsEvent(f, "depth20"));
        var next = await ReceiveUntilAsync(market, f => IsEvent(f, "depth20") && f.GetProperty("lastUpdateId").GetInt64() != first.GetProperty("lastUpdateId").GetInt64());

        Assert.Equal(first.GetProperty("lastUpdateId").GetInt64() + 1, next.GetProperty("lastUpdateId").GetInt64());
        Assert.Equal(20, next.GetProperty("bids").GetArrayLength());
        Assert.Equal(20, next.GetProperty("asks").GetArrayLength());
        await market.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
    }

    private static string WireNumber(decimal value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
