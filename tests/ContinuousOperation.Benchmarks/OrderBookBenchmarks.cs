using BenchmarkDotNet.Attributes;
using ContinuousOperation.Benchmarks.Support;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Benchmarks;

/// <summary>
/// The matching engine alone (<see cref="OrderBook"/>), arranged as the C++ reference loops that issue 10 compares it
/// with (liquibook built with <c>-O2</c> on this machine kind: rest + cancel 116 ns, market order walking one level
/// 275 ns, walking five levels 1,105 ns), operation for operation:
/// <list type="bullet">
/// <item>the book: 20 bid and 20 ask levels, one liquidity order per level, prices and sizes from a seeded BTC-USDT
/// venue's ladder after one simulated minute;</item>
/// <item>the resting orders: a ring of 1,024 pre-built passive limit orders (either side, one tick inside to three ticks
/// behind the touch, 1–20 lots), taken in turn, so none crosses and some join a level while most open one;</item>
/// <item><see cref="RestLimitThenCancel"/>: submit the next of them (it rests), then cancel it by key: two operations,
/// reported per operation;</item>
/// <item><see cref="MarketOrderWalkingLevels"/>(n): a market buy for exactly the quantity of the best n ask levels
/// (n matches, n levels emptied), then the n orders re-rested at their prices: reported per market order.</item>
/// </list>
/// Each benchmark leaves the book as it found it, so every invocation sees the same 20 + 20 levels: what is measured
/// is the steady state a running book is in. Orders, keys and quantities are built in setup; the 80 B allocated per
/// market order is the benchmark's own <see cref="OrderRequest"/>.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class OrderBookBenchmarks
{
    private const int Levels = 20;
    private static readonly AccountId Trader = AccountId.TraderFor(SimulatedSymbol.Instrument.Symbol);

    private readonly OrderBook _book = new(SimulatedSymbol.Instrument);
    private readonly List<Match> _matches = new(Levels);
    private readonly List<(OrderKey Key, decimal Price, decimal Quantity)> _asks = [];
    private OrderRequest[] _passiveOrders = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        // The ladder a seeded venue quotes after a minute of trading: real spacing, real level sizes.
        var venue = new SymbolVenue(SimulatedSymbol.Instrument, new MarketSettings(), FeeSchedule.Default, SimulatedSymbol.Seed);
        venue.Advance(TimeSpan.FromMinutes(1));
        var depth = venue.Depth(Levels);
        if (depth.Bids.Count != Levels || depth.Asks.Count != Levels)
            throw new InvalidOperationException("The seeded venue did not quote 20 levels per side.");

        var lp = 0;
        foreach (var level in depth.Bids)
            _book.Rest(new OrderKey(AccountId.LiquidityProvider, new ClientOrderId($"lp-{++lp}")), Side.Buy, level.Price, level.Quantity);
        foreach (var level in depth.Asks)
        {
            var key = new OrderKey(AccountId.LiquidityProvider, new ClientOrderId($"lp-{++lp}"));
            _book.Rest(key, Side.Sell, level.Price, level.Quantity);
            _asks.Add((key, level.Price, level.Quantity));
        }

        // Passive orders as the default strategy prices them: one tick inside to three ticks behind its own touch,
        // on either side, so some join an existing level and most open a new one.
        var random = new Random(SimulatedSymbol.Seed);
        var tick = SimulatedSymbol.Instrument.TickSize;
        _passiveOrders = Enumerable.Range(0, 1024).Select(i =>
        {
            var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
            var offset = random.Next(-1, 4) * tick;
            var price = side == Side.Buy ? depth.Bids[0].Price - offset : depth.Asks[0].Price + offset;
            return new OrderRequest(Trader, new ClientOrderId($"t-{i}"), side, OrderType.Limit, price,
                SimulatedSymbol.Instrument.LotSize * random.Next(1, 21));
        }).ToArray();
        if (_passiveOrders.Any(o => _book.WouldCross(o.Side, o.LimitPrice!.Value)))
            throw new InvalidOperationException("A passive order would cross the book.");
    }

    /// <summary>A limit order that rests, then its cancel: two book operations (the unit reported).</summary>
    [Benchmark(OperationsPerInvoke = 2)]
    public decimal? RestLimitThenCancel()
    {
        var order = _passiveOrders[_next++ & 1023];
        _book.Submit(order, _matches);
        return _book.Cancel(order.Key);
    }

    /// <summary>A market buy that takes the best <paramref name="levels"/> ask levels whole, then the taken liquidity
    /// is rested again at the same prices (as the next re-quote would). Reported per market order: one walk of
    /// <paramref name="levels"/> matches plus <paramref name="levels"/> rests.</summary>
    [Benchmark]
    [Arguments(1)]
    [Arguments(5)]
    public int MarketOrderWalkingLevels(int levels)
    {
        var quantity = 0m;
        for (var i = 0; i < levels; i++) quantity += _asks[i].Quantity;

        _matches.Clear();
        _book.Submit(new OrderRequest(Trader, new ClientOrderId("walker"), Side.Buy, OrderType.Market, null, quantity), _matches);
        for (var i = 0; i < levels; i++) _book.Rest(_asks[i].Key, Side.Sell, _asks[i].Price, _asks[i].Quantity);
        return _matches.Count;
    }
}
