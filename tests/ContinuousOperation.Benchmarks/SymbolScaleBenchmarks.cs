using BenchmarkDotNet.Attributes;
using ContinuousOperation.Actors.Run;
using ContinuousOperation.Benchmarks.Support;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Benchmarks;

/// <summary>
/// Does one node scale to 1,000 symbols? The exchange's share of it, at 10, 100 and 1,000 symbols of the catalogue:
/// <list type="bullet">
/// <item><see cref="MarketSecond"/>: one wall second of market at speed 1 for every symbol, ticked as a run ticks it
/// (<see cref="RunTopology.TickInterval"/>), each tick publishing the 20-level depth a book sends its stream; against
/// <see cref="MarketSecondAtTenTicks"/>, the fixed 100 ms ticks of before. The time is the CPU one second of market takes
/// (over one second, the node cannot keep up); the bytes are what the collector must clear per second.</item>
/// <item><see cref="RecoverEveryBook"/>: an exchange-wide crash, every book rebuilt from its serialized journal of one
/// simulated minute: the restart's cost, which must grow with the symbols and nothing else.</item>
/// </list>
/// Symbols differ in price and grid (generated ones spread over seven orders of magnitude), so the cases trade the
/// instruments a run would, not 1,000 copies of one. In process, with the recovery benchmarks' short job: the 1,000-symbol
/// setup generates a simulated minute of a thousand venues.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(RecoveryBenchmarkConfig))]
public class SymbolScaleBenchmarks
{
    private static readonly MarketSettings Market = new();
    private static readonly TimeSpan OldTickInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan RecoveredMinute = TimeSpan.FromMinutes(1);

    private SymbolVenue[] _venues = null!;
    private RecoveryJournal<IExchangeEvent, VenueSnapshot>[] _journals = null!;
    private IReadOnlyList<Instrument> _instruments = null!;

    [Params(10, 100, 1_000)]
    public int Symbols { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _instruments = InstrumentCatalog.First(Symbols);
        _venues = _instruments.Select(NewVenue).ToArray();
        _journals = _instruments.Select(instrument =>
        {
            var venue = NewVenue(instrument);
            var journal = new List<IExchangeEvent>();
            for (var second = TimeSpan.Zero; second < RecoveredMinute; second += TimeSpan.FromSeconds(1))
                journal.AddRange(venue.Advance(TimeSpan.FromSeconds(1)));
            return RecoveryJournal<IExchangeEvent, VenueSnapshot>.Of(journal, (events, count) =>
            {
                var recovery = NewRecovery(instrument);
                foreach (var e in events) recovery.Apply(e);
                return recovery.Build(count).Snapshot();
            });
        }).ToArray();
    }

    [Benchmark(Baseline = true)]
    public int MarketSecondAtTenTicks() => Tick(OldTickInterval);

    [Benchmark]
    public int MarketSecond() => Tick(RunTopology.TickInterval(Symbols));

    [Benchmark]
    public long RecoverEveryBook()
    {
        var trades = 0L;
        for (var i = 0; i < _journals.Length; i++)
        {
            var recovery = NewRecovery(_instruments[i]);
            _journals[i].Replay(from: 0, recovery.Apply);
            trades += recovery.Build(_journals[i].Length).LastTradeId;
        }

        return trades;
    }

    /// <summary>One wall second at speed 1: every venue steps <paramref name="interval"/> at a time and publishes its depth.</summary>
    private int Tick(TimeSpan interval)
    {
        var published = 0;
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromSeconds(1); elapsed += interval)
        {
            foreach (var venue in _venues)
            {
                published += venue.Advance(interval).Count;
                published += venue.Depth(Market.DepthLevels).Bids.Count;
            }
        }

        return published;
    }

    private static SymbolVenue NewVenue(Instrument instrument) => new(instrument, Market, FeeSchedule.Default, SimulatedSymbol.Seed);

    private static VenueRecovery NewRecovery(Instrument instrument) => new(instrument, Market, FeeSchedule.Default, SimulatedSymbol.Seed);
}
