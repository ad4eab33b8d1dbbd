using BenchmarkDotNet.Attributes;
using ContinuousOperation.Actors.Persistence;
using ContinuousOperation.Benchmarks.Support;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Benchmarks;

/// <summary>
/// What a restarting book spends on its journal, besides reading rows from the database: deserializing every event
/// and folding it into the ledger (<see cref="FullReplay"/>), against deserializing the latest snapshot and only the
/// events after it (<see cref="FromSnapshot"/>). The snapshot is taken half an interval of the default policy before
/// the end, where a crash lands on average. Both end by building the venue, as <c>OrderBookActor</c> does.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class BookRecoveryBenchmarks
{
    private readonly BinaryJournalSerializer _eventSerializer = new(null!);
    private readonly SnapshotSerializer _snapshotSerializer = new(null!);
    private (byte[] Bytes, string Manifest)[] _journal = null!;
    private byte[] _snapshot = null!;
    private string _snapshotManifest = null!;
    private int _eventsInSnapshot;

    /// <summary>Events in both journals of the simulated symbol; the book's own journal is about 75 % of them.</summary>
    [Params(10_000, 100_000)]
    public int JournalEvents { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var events = SimulatedSymbol.Generate(JournalEvents).ExchangeJournal;
        _journal = events.Select(e => (_eventSerializer.ToBinary(e), _eventSerializer.Manifest(e))).ToArray();
        _eventsInSnapshot = Math.Max(0, events.Count - (int)SnapshotPolicy.Default.EveryEvents / 2);
        var recovery = NewRecovery();
        foreach (var e in events.Take(_eventsInSnapshot)) recovery.Apply(e);
        var snapshot = recovery.Build(_eventsInSnapshot).Snapshot();
        _snapshot = _snapshotSerializer.ToBinary(snapshot);
        _snapshotManifest = _snapshotSerializer.Manifest(snapshot);
    }

    [Benchmark(Baseline = true)]
    public long FullReplay()
    {
        var recovery = NewRecovery();
        Replay(recovery, from: 0);
        return recovery.Build(_journal.Length).LastTradeId;
    }

    [Benchmark]
    public long FromSnapshot()
    {
        var recovery = NewRecovery();
        recovery.Restore((VenueSnapshot)_snapshotSerializer.FromBinary(_snapshot, _snapshotManifest));
        Replay(recovery, from: _eventsInSnapshot);
        return recovery.Build(_journal.Length).LastTradeId;
    }

    private void Replay(VenueRecovery recovery, int from)
    {
        for (var i = from; i < _journal.Length; i++)
            recovery.Apply((IExchangeEvent)_eventSerializer.FromBinary(_journal[i].Bytes, _journal[i].Manifest));
    }

    private static VenueRecovery NewRecovery() =>
        new(SimulatedSymbol.Instrument, new MarketSettings(), FeeSchedule.Default, SimulatedSymbol.Seed);
}
