using BenchmarkDotNet.Attributes;
using ContinuousOperation.Benchmarks.Support;
using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Benchmarks;

/// <summary>One 100 ms step of the fair-price process per market condition (one normal draw and the regime's
/// update; mixed also counts down to its next regime switch). It runs inside every venue tick, so it should be a
/// negligible share of <see cref="SymbolVenueBenchmarks.Tick"/>.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class PriceProcessBenchmarks
{
    private PriceProcess _process = null!;

    [Params(MarketCondition.Trending, MarketCondition.Ranging, MarketCondition.Volatile, MarketCondition.Mixed)]
    public MarketCondition Condition { get; set; }

    [GlobalSetup]
    public void Setup() =>
        _process = new PriceProcess(new MarketSettings(Condition), (double)SimulatedSymbol.Instrument.InitialPrice,
            new Random(StableSeed.Derive(SimulatedSymbol.Seed, SimulatedSymbol.Instrument.Symbol.Value)));

    [Benchmark]
    public double Step()
    {
        _process.Advance(SimulatedSymbol.TickStep);
        return _process.FairPrice;
    }
}
