using System.Runtime.Serialization;
using System.Text.Json;
using ContinuousOperation.Actors.Persistence;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Actors.Tests.Persistence;

public sealed class BinaryJournalSerializerTests
{
    private static readonly Instrument Btc = InstrumentCatalog.For(new Symbol("BTC-USDT"));
    private static readonly AccountId Trader = AccountId.TraderFor(Btc.Symbol);
    private static readonly ClientOrderId Order = new("o-1");
    private static readonly TimeSpan At = TimeSpan.FromHours(19) + TimeSpan.FromTicks(1234567);

    private readonly BinaryJournalSerializer _binary = new(null!);
    private readonly JournalEventSerializer _json = new(null!);

    /// <summary>Decimals at their edges (scale kept, the sign of zero, the extremes), every account kind, a fill id that
    /// is not the standard one, and every event type.</summary>
    public static TheoryData<string, IJournalEvent> Events()
    {
        var ownTrade = new TradeExecuted(Btc.Symbol, 41, 60_000.10m, 0.0100m,
            new TradeLeg(Trader, Order, FillId.For(Btc.Symbol, 41, Side.Buy), 7, 0.30005000m, IsMaker: false),
            new TradeLeg(Trader, new ClientOrderId("o-2"), new FillId("a fill id of another shape"), 8, 0m, IsMaker: true),
            Side.Buy, At);
        var background = new TradeExecuted(Btc.Symbol, 42, decimal.MaxValue, 0.0000000000000000000000000001m,
            new TradeLeg(AccountId.NoiseTaker, new ClientOrderId("taker-0-9"), FillId.For(Btc.Symbol, 42, Side.Buy), long.MaxValue, -0.0m, false),
            new TradeLeg(AccountId.LiquidityProvider, new ClientOrderId("lp-0-é"), FillId.For(Btc.Symbol, 42, Side.Sell), 1, decimal.MinValue, true),
            Side.Sell, At - TimeSpan.FromSeconds(3));
        var other = new AccountId("trader-ETH-USDT");
        return new()
        {
            { "accepted limit", new ExchangeOrderAccepted(Btc.Symbol, Trader, Order, Side.Sell, OrderType.Limit, 60_000.50m, 1.50m, At) },
            { "accepted market", new ExchangeOrderAccepted(Btc.Symbol, other, Order, Side.Buy, OrderType.Market, null, 2m, At) },
            { "cancelled", new ExchangeOrderCancelled(Btc.Symbol, Trader, Order, 0.0010m, "no liquidity", At) },
            { "trade alone", ownTrade },
            // The second trade is earlier than the first: times are differences, which may be negative.
            { "batch", new TradesExecuted(Btc.Symbol, [ownTrade, background, ownTrade with { TradeId = 43, SimTime = At }]) },
            { "closed", new BookClosed(Btc.Symbol, [new AccountBalance(Trader, -0.5m, 30_000.25m, 1.5m), new AccountBalance(other, 0m, 0m, 0m)], [Order, new ClientOrderId("o-9")], At) },
            { "opened", new AccountOpened(Btc.Symbol, Trader, 1_000_000m) },
            { "stopped", TradingStopped.Instance },
            { "submitted", new OrderSubmitted(Order, Side.Buy, OrderType.Limit, 59_999.9m, 0.0001m, At) },
            { "acknowledged", new OrderAcknowledged(Order) },
            { "rejected", new OrderRejected(Order, "price outside band") },
            { "cancelled at trader", new OrderCancelled(Order, 0.5m, "cancelled by client") },
            { "fill", new FillApplied(Order, new FillId("BTC-USDT-41-B"), Side.Buy, 60_000.10m, 0.0100m, 0.30005000m, 7, At) },
            { "position", new PositionChanged(PositionChange.Flipped, new FillId("BTC-USDT-41-B"), -0.25m, 60_000.10m, -12.3456789m, 999_399.69995m) },
        };
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void Every_event_reads_back_exactly(string name, IJournalEvent e)
    {
        var read = _binary.FromBinary(_binary.ToBinary(e), _binary.Manifest(e));

        // JSON shows every field, decimals with their scale (1.50 is not 1.5): equal JSON is an exact round trip.
        Assert.IsType(e.GetType(), read);
        Assert.True(Json(e) == Json(read), name);
    }

    [Fact]
    public void Every_journal_event_type_has_a_binary_layout()
    {
        var eventTypes = typeof(IJournalEvent).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IJournalEvent).IsAssignableFrom(t))
            .Select(t => t.Name);

        Assert.Equal(eventTypes.Order(), JournalBinaryCodec.Manifests.Order());
        Assert.Equal(eventTypes.Order(), Events().Select(row => row[1].GetType().Name).Distinct().Order());
    }

    [Fact]
    public void A_row_of_an_unknown_schema_version_is_refused_naming_the_version()
    {
        var bytes = _binary.ToBinary(new OrderAcknowledged(Order));
        bytes[0] = 9;

        var refused = Assert.Throws<SerializationException>(() => _binary.FromBinary(bytes, nameof(OrderAcknowledged)));

        Assert.Equal("Journal event OrderAcknowledged was written with binary schema version 9; this build reads version 1", refused.Message);
    }

    [Fact]
    public void A_truncated_or_overlong_row_is_refused()
    {
        var e = Events().Select(row => row[1]).OfType<TradesExecuted>().Single();
        var bytes = _binary.ToBinary(e);

        Assert.Throws<SerializationException>(() => _binary.FromBinary(bytes[..^1], nameof(TradesExecuted)));
        Assert.Throws<SerializationException>(() => _binary.FromBinary([.. bytes, 0], nameof(TradesExecuted)));
        Assert.Throws<SerializationException>(() => _binary.FromBinary(bytes, "NoSuchEvent"));
    }

    [Fact]
    public void A_ticks_trades_take_a_fraction_of_their_json_rows()
    {
        var venue = new SymbolVenue(Btc, new MarketSettings(), FeeSchedule.Default, seed: 5);
        var tick = venue.Advance(TimeSpan.FromSeconds(4.8)).OfType<TradesExecuted>().Single();

        var batchBytes = _binary.ToBinary(tick).Length;
        var jsonBytes = tick.Trades.Sum(t => _json.ToBinary(t).Length);

        Assert.True(tick.Trades.Count > 5, $"{tick.Trades.Count} trades");
        Assert.True(batchBytes * 4 < jsonBytes, $"{tick.Trades.Count} trades: {batchBytes} bytes in a batch, {jsonBytes} as JSON rows");
    }

    private static string Json(object e) => JsonSerializer.Serialize(e, e.GetType(), JournalJson.Options);
}
