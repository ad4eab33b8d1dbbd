using Akka.Actor;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using ContinuousOperation.Actors.Persistence;
using ContinuousOperation.Benchmarks.Support;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Benchmarks;

/// <summary>
/// <see cref="JournalEventSerializer"/>, the JSON the journal stores, for the events a run writes most: every order
/// writes <c>OrderSubmitted</c> and <c>ExchangeOrderAccepted</c>, every trade a <c>TradeExecuted</c>, and every trader
/// fill a <c>FillApplied</c> + <c>PositionChanged</c> pair. Events are the first of their type in a simulated journal.
/// A write serializes once; a replay (recovery, reconciliation) deserializes once.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(WideParameterColumn))]
public class JournalSerializerBenchmarks
{
    private ActorSystem _system = null!;
    private JournalEventSerializer _serializer = null!;
    private IJournalEvent _event = null!;
    private byte[] _bytes = [];
    private string _manifest = "";

    [Params("OrderSubmitted", "FillApplied", "PositionChanged", "ExchangeOrderAccepted", "TradeExecuted")]
    public string Event { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        // The serializer's constructor wants the actor system it belongs to; nothing else of the system is used.
        _system = ActorSystem.Create("serializer-benchmark", "akka.loglevel = WARNING");
        _serializer = new JournalEventSerializer((ExtendedActorSystem)_system);

        var journals = SimulatedSymbol.Generate(5_000);
        _event = journals.TraderJournal.Cast<IJournalEvent>().Concat(journals.ExchangeJournal)
            .First(e => e.GetType().Name == Event);
        _manifest = _serializer.Manifest(_event);
        _bytes = _serializer.ToBinary(_event);
        Console.WriteLine($"// {Event}: {_bytes.Length} bytes");
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().Wait();

    [Benchmark]
    public byte[] Serialize() => _serializer.ToBinary(_event);

    [Benchmark]
    public object Deserialize() => _serializer.FromBinary(_bytes, _manifest);

    /// <summary>What one event costs over its life in the journal: written once, read back once.</summary>
    [Benchmark]
    public object RoundTrip() => _serializer.FromBinary(_serializer.ToBinary(_event), _serializer.Manifest(_event));

    /// <summary>Shows "ExchangeOrderAccepted" whole instead of BenchmarkDotNet's 20-character abbreviation.</summary>
    private sealed class WideParameterColumn : ManualConfig
    {
        public WideParameterColumn() => SummaryStyle = SummaryStyle.Default.WithMaxParameterColumnWidth(24);
    }
}
