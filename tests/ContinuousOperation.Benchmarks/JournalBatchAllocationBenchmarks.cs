using Akka.Actor;
using Akka.Persistence;
using BenchmarkDotNet.Attributes;
using ContinuousOperation.Benchmarks.Support;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Benchmarks;

/// <summary>
/// What the journal's write path allocates per persisted event, and how much of it lands on the large-object heap,
/// for batches of <see cref="Rows"/> events: each invocation persists <see cref="Events"/> events of a seeded venue
/// through Akka.Persistence.Sql, one <c>PersistAll</c> of <see cref="Rows"/> events at a time (the next starts when the
/// last is written), so every batch the plugin writes has exactly <see cref="Rows"/> rows; figures are per event.
/// 10 is a quiet book; the plugin merges writes up to its <c>batch-size</c> (100), and one actor's <c>PersistAll</c>
/// may be larger still (1,000 also fills one statement of the plugin's default <c>db-round-trip-max-batch-size</c>).
/// <see cref="Tuning"/> compares the plugin's defaults
/// for how a batch becomes SQL, the same with rows bound as parameters, and what the CLI ships. "Allocated" is bytes
/// per event on all threads; "LOH/op" is large-object bytes per event.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(LargeObjectHeapConfig))]
public class JournalBatchAllocationBenchmarks
{
    private const int Events = 2_000;
    private static readonly TimeSpan TickStep = TimeSpan.FromSeconds(4.8);

    private IReadOnlyList<IExchangeEvent>[] _batches = [];
    private BenchmarkJournal _journal = null!;
    private ActorSystem _system = null!;
    private IActorRef _writer = ActorRefs.Nobody;
    private readonly LargeObjectHeapMeter _largeObjects = new();

    public static IEnumerable<string> Databases => BenchmarkJournal.Available;

    [ParamsSource(nameof(Databases))]
    public string Database { get; set; } = "";

    [Params(10, 100, 1_000)]
    public int Rows { get; set; }

    [Params(BenchmarkJournal.PluginDefaults, BenchmarkJournal.ParametersOnly, BenchmarkJournal.Shipped)]
    public string Tuning { get; set; } = "";

    private (string, object)[] Case => [(nameof(Database), Database), (nameof(Rows), Rows), (nameof(Tuning), Tuning)];

    [GlobalSetup]
    public void Setup()
    {
        var venue = new SymbolVenue(SimulatedSymbol.Instrument, new MarketSettings(), FeeSchedule.Default, SimulatedSymbol.Seed);
        var events = new List<IExchangeEvent>();
        while (events.Count < Events) events.AddRange(venue.Advance(TickStep));
        _batches = events.Take(Events).Chunk(Rows).ToArray<IReadOnlyList<IExchangeEvent>>();

        _journal = BenchmarkJournal.Create(Database);
        _system = ActorSystem.Create("journal-batches", _journal.Config(Tuning));
        // The first write creates the tables and warms the plugin up; it is not part of what is measured.
        Write(_system.ActorOf(Props.Create(() => new BatchWriter("warm-up"))), _batches[..1]);
        LargeObjectHeapColumn.Reset(nameof(JournalBatchAllocationBenchmarks), Case);
    }

    [IterationSetup]
    public void StartWriter()
    {
        _writer = _system.ActorOf(Props.Create(() => new BatchWriter($"exchange-BTC-USDT@{Guid.NewGuid():N}")));
        _largeObjects.Start();
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public object PersistBatches() => Write(_writer, _batches);

    [IterationCleanup]
    public void StopWriter()
    {
        var allocations = _largeObjects.Stop();
        LargeObjectHeapColumn.Record(nameof(JournalBatchAllocationBenchmarks), Case, (double)allocations.Bytes / Events);
        Console.WriteLine($"// {Database} {Rows} rows/batch {Tuning}: {allocations.Bytes:N0} large-object bytes " +
                          $"({(double)allocations.Bytes / Events:F1} per event) in {allocations.Ticks} allocation ticks, " +
                          $"mostly {allocations.MostlyOfType}");
        _system.Stop(_writer);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _system.Terminate().Wait();
        _journal.Dispose();
        _largeObjects.Dispose();
    }

    private static Written Write(IActorRef writer, IReadOnlyList<IExchangeEvent>[] batches) =>
        writer.Ask<Written>(new WriteBatches(batches), TimeSpan.FromMinutes(5)).Result;

    private sealed record WriteBatches(IReadOnlyList<IExchangeEvent>[] Batches);

    private sealed record Written;

    /// <summary>Persists the batches one after the other, and answers once the last is in the journal.</summary>
    private sealed class BatchWriter(string persistenceId) : UntypedPersistentActor
    {
        private IActorRef _replyTo = ActorRefs.Nobody;

        public override string PersistenceId => persistenceId;

        protected override void OnCommand(object message)
        {
            if (message is not WriteBatches write) { Unhandled(message); return; }
            _replyTo = Sender;
            PersistBatch(write.Batches, 0);
        }

        protected override void OnRecover(object message) { } // a new persistence id: nothing to recover

        private void PersistBatch(IReadOnlyList<IExchangeEvent>[] batches, int index)
        {
            var last = batches[index][^1];
            PersistAll(batches[index], e =>
            {
                if (!ReferenceEquals(e, last)) return;
                if (index + 1 < batches.Length) PersistBatch(batches, index + 1);
                else _replyTo.Tell(new Written());
            });
        }
    }
}
