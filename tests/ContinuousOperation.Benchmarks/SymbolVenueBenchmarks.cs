using BenchmarkDotNet.Attributes;
using ContinuousOperation.Benchmarks.Support;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Benchmarks;

/// <summary>
/// One simulated tick of a symbol's venue, as <c>OrderBookActor</c> runs it every 100 ms of wall time at speed 1:
/// the price steps, noise takers arriving in the tick trade, and the liquidity provider cancels and re-quotes its
/// 20 levels per side. A book needs 10 such ticks per second whatever the trade rate, so ticks/s ÷ 10 is the number of
/// symbols one core could drive (the persisting and publishing around it excluded).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class SymbolVenueBenchmarks
{
    private SymbolVenue _venue = null!;

    /// <summary>Volatile draws its trade rate from the upper half of 1–10 per second, ranging from the lower half.</summary>
    [Params(MarketCondition.Trending, MarketCondition.Ranging, MarketCondition.Volatile, MarketCondition.Mixed)]
    public MarketCondition Condition { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _venue = new SymbolVenue(SimulatedSymbol.Instrument, new MarketSettings(Condition), FeeSchedule.Default, SimulatedSymbol.Seed);
        // Past the first quotes and the first rate draw, into the steady state of a running book.
        for (var i = 0; i < 600; i++) _venue.Advance(SimulatedSymbol.TickStep);
    }

    [Benchmark]
    public int Tick() => _venue.Advance(SimulatedSymbol.TickStep).Count;
}
