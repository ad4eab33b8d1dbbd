using BenchmarkDotNet.Attributes;
using ContinuousOperation.Benchmarks.Support;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Benchmarks;

/// <summary>
/// What a restarting book spends on its journal, besides reading rows from the database: deserializing every event
/// and folding it into the ledger (<see cref="FullReplay"/>), against deserializing the latest snapshot and only the
/// events after it (<see cref="FromSnapshot"/>). Both end by building the venue, as <c>OrderBookActor</c> does. Recovery
/// from a snapshot must stay flat as the journal grows from 10 k to 1 M events.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(RecoveryBenchmarkConfig))]
[MedianColumn]
public class BookRecoveryBenchmarks
{
    private RecoveryJournal<IExchangeEvent, VenueSnapshot> _journal = null!;

    /// <summary>Events in both journals of the simulated symbol; the book's own journal is about 75 % of them.</summary>
    [Params(10_000, 100_000, 1_000_000)]
    public int JournalEvents { get; set; }

    [GlobalSetup]
    public void Setup() =>
        _journal = RecoveryJournal<IExchangeEvent, VenueSnapshot>.Of(SimulatedJournals.OfSize(JournalEvents).ExchangeJournal, (events, count) =>
        {
            var recovery = NewRecovery();
            foreach (var e in events) recovery.Apply(e);
            return recovery.Build(count).Snapshot();
        });

    [Benchmark(Baseline = true)]
    public long FullReplay()
    {
        var recovery = NewRecovery();
        _journal.Replay(from: 0, recovery.Apply);
        return recovery.Build(_journal.Length).LastTradeId;
    }

    [Benchmark]
    public long FromSnapshot()
    {
        var recovery = NewRecovery();
        recovery.Restore(_journal.ReadSnapshot());
        _journal.Replay(from: _journal.EventsInSnapshot, recovery.Apply);
        return recovery.Build(_journal.Length).LastTradeId;
    }

    private static VenueRecovery NewRecovery() =>
        new(SimulatedSymbol.Instrument, new MarketSettings(), FeeSchedule.Default, SimulatedSymbol.Seed);
}
