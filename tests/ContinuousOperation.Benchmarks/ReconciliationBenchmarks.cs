using BenchmarkDotNet.Attributes;
using ContinuousOperation.Benchmarks.Support;
using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Benchmarks;

/// <summary>
/// The end-of-run consistency check of one symbol: both journals folded (<see cref="SymbolJournalFold"/>), then every
/// invariant checked and summarised (<see cref="Reconciler"/>), over journals the real domain wrote
/// (<see cref="SimulatedSymbol"/>). Reported per journal pair; divide <see cref="Events"/> (nominal; the exact count is
/// printed at setup) by the time for events/s, to set against how fast the database replays them.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ReconciliationBenchmarks
{
    private SimulatedSymbol _journals = null!;

    /// <summary>Trader and exchange events together; 100 k is about three simulated hours of one symbol
    /// (about 9 exchange and 3 trader events per simulated second), 1 M about 29 hours.</summary>
    [Params(10_000, 100_000, 1_000_000)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _journals = SimulatedSymbol.Generate(Events);
        var fold = _journals.Fold(out var peak);
        Console.WriteLine($"// journals: {_journals.TraderJournal.Count} trader + {_journals.ExchangeJournal.Count} exchange " +
                          $"= {_journals.EventCount} events, {_journals.TraderJournal.OfType<OrderSubmitted>().Count()} orders, " +
                          $"over {_journals.SimulatedTime} simulated; the fold held at most {peak} entries, {fold.RetainedEntries} at the end");
    }

    /// <summary>Reading only: what the consistency actor does per event while the journals stream in.</summary>
    [Benchmark]
    public long Fold() => _journals.Fold().ExchangeEventsRead;

    /// <summary>Reading and judging: the fold plus the invariant rules and the report.</summary>
    [Benchmark]
    public bool FoldAndReconcile() =>
        Reconciler.Summarise(new JournalExpectation(SimulatedSymbol.Run, [SimulatedSymbol.Instrument.Symbol], Drained: true), [_journals.Fold()]).IsValid;
}
