using BenchmarkDotNet.Attributes;
using ContinuousOperation.Benchmarks.Support;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Benchmarks;

/// <summary>
/// What a restarting trader spends on its journal besides reading rows: deserializing every event and applying it to
/// <see cref="TraderState"/> (<see cref="FullReplay"/>), against restoring the latest snapshot and applying only the
/// events after it (<see cref="FromSnapshot"/>), as <c>TraderActor</c> recovers. Recovery from a snapshot must stay flat
/// as the journal grows from 10 k to 1 M events.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(RecoveryBenchmarkConfig))]
[MedianColumn]
public class TraderRecoveryBenchmarks
{
    private RecoveryJournal<ITraderEvent, TraderSnapshot> _journal = null!;

    /// <summary>Events in both journals of the simulated symbol; the trader's own journal is about 25 % of them.</summary>
    [Params(10_000, 100_000, 1_000_000)]
    public int JournalEvents { get; set; }

    [GlobalSetup]
    public void Setup() =>
        _journal = RecoveryJournal<ITraderEvent, TraderSnapshot>.Of(SimulatedJournals.OfSize(JournalEvents).TraderJournal, (events, _) =>
            events.Aggregate(TraderState.Empty(SimulatedSymbol.Instrument.Symbol), (state, e) => state.Apply(e)).ToSnapshot());

    [Benchmark(Baseline = true)]
    public decimal FullReplay()
    {
        var state = TraderState.Empty(SimulatedSymbol.Instrument.Symbol);
        _journal.Replay(from: 0, e => state = state.Apply(e));
        return state.Cash;
    }

    [Benchmark]
    public decimal FromSnapshot()
    {
        var state = TraderState.FromSnapshot(_journal.ReadSnapshot());
        _journal.Replay(from: _journal.EventsInSnapshot, e => state = state.Apply(e));
        return state.Cash;
    }
}
