using System.Text.Json;
using ContinuousOperation.Actors.Exchange;
using ContinuousOperation.Cli.Gateway;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Soak.Tests.Wire;

/// <summary>Domain ⇄ wire without a socket: the names a Binance developer expects, and what a bad request is told.</summary>
public sealed class WireMappingTests
{
    private static readonly Symbol Btc = new("BTC-USDT");
    private static readonly WireSymbols Symbols = new([Btc, new Symbol("ETH-USDT")]);
    private static readonly AccountId Alice = new("trader-alice");
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123);

    private static Func<string, string?> Fields(params (string Name, string Value)[] fields) =>
        name => fields.Where(f => f.Name == name).Select(f => f.Value).FirstOrDefault();

    [Theory]
    [InlineData("BTCUSDT")]
    [InlineData("btcusdt")]
    public void Wire_symbols_have_no_dash_and_any_case(string wire)
    {
        Assert.True(Symbols.TryParse(wire, out var symbol));
        Assert.Equal(Btc, symbol);
        Assert.Equal("BTCUSDT", WireSymbols.ToWire(Btc));
    }

    [Theory]
    [InlineData("BTC-USDT")]
    [InlineData("SOLUSDT")]
    [InlineData("")]
    [InlineData(null)]
    public void An_unserved_symbol_is_not_parsed(string? wire) => Assert.False(Symbols.TryParse(wire, out _));

    [Fact]
    public void A_limit_order_request_becomes_the_domain_order_of_the_key_account()
    {
        var parsed = WireMapping.ParseOrder(Fields(
            ("symbol", "BTCUSDT"), ("side", "sell"), ("type", "LIMIT"), ("quantity", "0.25"), ("price", "43000.10"),
            ("newClientOrderId", "bot-7")), Symbols, Alice);

        Assert.Null(parsed.Error);
        Assert.Equal(Btc, parsed.Symbol);
        Assert.Equal(new OrderRequest(Alice, new ClientOrderId("bot-7"), Side.Sell, OrderType.Limit, 43000.10m, 0.25m), parsed.Request);
    }

    [Theory]
    [InlineData("symbol", "DOGEUSDT", -1121)]
    [InlineData("side", "HOLD", -1102)]
    [InlineData("type", "STOP_LOSS", -1102)]
    [InlineData("quantity", "1e3", -1102)]
    [InlineData("quantity", "-1", -1102)]
    [InlineData("price", "cheap", -1102)]
    [InlineData("newClientOrderId", "", -1102)]
    public void A_bad_parameter_is_named_with_binance_s_code(string name, string value, int code)
    {
        (string, string)[] good = [("symbol", "BTCUSDT"), ("side", "BUY"), ("type", "LIMIT"), ("quantity", "1"), ("price", "100"), ("newClientOrderId", "x")];
        var fields = good.Select(f => f.Item1 == name ? (f.Item1, value) : f).ToArray();

        var parsed = WireMapping.ParseOrder(Fields(fields), Symbols, Alice);

        Assert.Null(parsed.Request);
        Assert.Equal(code, parsed.Error!.Code);
    }

    [Fact]
    public void A_market_order_needs_no_price()
    {
        var parsed = WireMapping.ParseOrder(Fields(
            ("symbol", "BTCUSDT"), ("side", "BUY"), ("type", "MARKET"), ("quantity", "1"), ("newClientOrderId", "m")), Symbols, Alice);

        Assert.Equal(OrderType.Market, parsed.Request!.Type);
        Assert.Null(parsed.Request.LimitPrice);
    }

    [Fact]
    public void A_fill_is_a_my_trade_whose_id_is_the_account_fill_sequence()
    {
        var fill = new AccountFill(Btc, Alice, new FillId("BTC-USDT-9-B"), new ClientOrderId("bot-7"), Side.Buy, 100.5m, 2m, 0.1m,
            IsMaker: true, AccountFillSequence: 12, TimeSpan.Zero);

        var json = Serialize(WireMapping.MyTrade(fill));

        Assert.Equal("""{"symbol":"BTCUSDT","id":12,"tradeId":"BTC-USDT-9-B","clientOrderId":"bot-7","price":"100.5","qty":"2","commission":"0.1","isBuyer":true,"isMaker":true}""", json);
    }

    [Fact]
    public void A_cancel_is_acknowledged_with_the_quantity_that_was_still_open() =>
        Assert.Equal("""{"symbol":"BTCUSDT","origClientOrderId":"bot-7","status":"CANCELED","remainingQty":"0.5"}""",
            Serialize(WireMapping.CancelAck(new AccountOrderCancelled(Btc, new ClientOrderId("bot-7"), 0.5m, "cancel request", 3))));

    [Fact]
    public void The_book_ticker_and_depth_carry_prices_and_quantities_as_strings_best_first()
    {
        var depth = new DepthSnapshot(Btc, [new DepthLevel(99m, 1m), new DepthLevel(98m, 2m)], [new DepthLevel(101m, 3m)], TimeSpan.Zero);

        Assert.Equal("""{"symbol":"BTCUSDT","bidPrice":"99","bidQty":"1","askPrice":"101","askQty":"3"}""", Serialize(WireMapping.BookTicker(depth)));
        Assert.Equal("""{"lastUpdateId":7,"bids":[["99","1"]],"asks":[["101","3"]]}""", Serialize(WireMapping.Depth(depth, 7, limit: 1)));
    }

    [Fact]
    public void A_market_update_becomes_its_trades_then_the_book_then_the_ticker_all_with_its_sequence()
    {
        var depth = new DepthSnapshot(Btc, [new DepthLevel(99m, 1m)], [new DepthLevel(101m, 3m)], TimeSpan.Zero);
        var update = new MarketDataUpdate(Btc, 41, new Ticker(Btc, 99m, 101m, 100m, TimeSpan.Zero), depth,
            [new TradePrint(5, 100m, 0.5m, Side.Sell, TimeSpan.Zero)]);

        var frames = WireMapping.MarketEvents(update, Now).Select(Serialize).ToArray();

        Assert.Equal(
        [
            """{"e":"trade","E":1700000000123,"s":"BTCUSDT","t":5,"p":"100","q":"0.5","m":true,"u":41}""",
            """{"e":"depth20","s":"BTCUSDT","lastUpdateId":41,"bids":[["99","1"]],"asks":[["101","3"]]}""",
            """{"e":"bookTicker","u":41,"s":"BTCUSDT","b":"99","B":"1","a":"101","A":"3"}""",
        ], frames);
        Assert.Equal("""{"e":"heartbeat","E":1700000000123,"s":"BTCUSDT","u":41}""",
            Serialize(WireMapping.MarketEvents(new MarketDataHeartbeat(Btc, 41), Now).Single()));
    }

    [Fact]
    public void Account_events_are_execution_reports_new_trade_and_canceled()
    {
        var request = new OrderRequest(Alice, new ClientOrderId("bot-7"), Side.Buy, OrderType.Limit, 100m, 2m);
        var fill = new AccountFill(Btc, Alice, new FillId("BTC-USDT-9-B"), request.ClientOrderId, Side.Buy, 100m, 1.5m, 0.01m, false, 3, TimeSpan.Zero);

        var accepted = Report(new OrderPlaced(Btc, request.ClientOrderId), new TrackedOrder(request, 0m));
        var partial = Report(new AccountFillReport(fill), new TrackedOrder(request, 1.5m));
        var cancelled = Report(new AccountOrderCancelled(Btc, request.ClientOrderId, 0.5m, "cancel request", 3), new TrackedOrder(request, 1.5m));

        Assert.Equal(("NEW", "NEW", 0L), (accepted.GetProperty("x").GetString(), accepted.GetProperty("X").GetString(), accepted.GetProperty("f").GetInt64()));
        Assert.Equal(("TRADE", "PARTIALLY_FILLED", 3L), (partial.GetProperty("x").GetString(), partial.GetProperty("X").GetString(), partial.GetProperty("f").GetInt64()));
        Assert.Equal(("1.5", "100", "BTC-USDT-9-B", "0.01"), (partial.GetProperty("l").GetString(), partial.GetProperty("L").GetString(), partial.GetProperty("t").GetString(), partial.GetProperty("n").GetString()));
        Assert.Equal(("CANCELED", "CANCELED"), (cancelled.GetProperty("x").GetString(), cancelled.GetProperty("X").GetString()));
        Assert.Equal(("BTCUSDT", "bot-7", "BUY", "LIMIT"), (cancelled.GetProperty("s").GetString(), cancelled.GetProperty("c").GetString(), cancelled.GetProperty("S").GetString(), cancelled.GetProperty("o").GetString()));
    }

    [Fact]
    public void An_account_event_about_an_order_the_gateway_did_not_place_has_no_frame() =>
        Assert.Null(WireMapping.AccountEvent(new OrderPlaced(Btc, new ClientOrderId("other")), order: null, Now));

    private static JsonElement Report(object push, TrackedOrder order) =>
        JsonDocument.Parse(Serialize(WireMapping.AccountEvent(push, order, Now)!)).RootElement;

    private static string Serialize(object value) => JsonSerializer.Serialize(value, value.GetType());
}
