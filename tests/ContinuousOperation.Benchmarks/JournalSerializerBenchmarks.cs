using Akka.Actor;
using Akka.Serialization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using ContinuousOperation.Actors.Persistence;
using ContinuousOperation.Benchmarks.Support;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Benchmarks;

/// <summary>
/// The journal serializers, <see cref="BinaryJournalSerializer"/> (what is written) and <see cref="JournalEventSerializer"/>
/// (JSON, what journals held before and what is still read), for the events a run writes most: every order writes
/// <c>OrderSubmitted</c> and <c>ExchangeOrderAccepted</c>, every command's trades a <c>TradesExecuted</c> (a lone
/// <c>TradeExecuted</c> in older journals), and every trader fill a <c>FillApplied</c> + <c>PositionChanged</c> pair.
/// Events are the first of their type in a simulated journal; the batch holds its first 10 trades, what a book prints
/// per tick at about <c>--speed 15</c>. The setup prints the bytes of each.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(WideParameterColumn))]
public class JournalSerializerBenchmarks
{
    private ActorSystem _system = null!;
    private Serializer _serializer = null!;
    private IJournalEvent _event = null!;
    private byte[] _bytes = [];
    private string _manifest = "";

    [Params("Binary", "Json")]
    public string Format { get; set; } = "";

    [Params("OrderSubmitted", "FillApplied", "PositionChanged", "ExchangeOrderAccepted", "TradeExecuted", "TradesExecuted")]
    public string Event { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        // The serializer's constructor wants the actor system it belongs to; nothing else of the system is used.
        _system = ActorSystem.Create("serializer-benchmark", "akka.loglevel = WARNING");
        var system = (ExtendedActorSystem)_system;
        _serializer = Format == "Binary" ? new BinaryJournalSerializer(system) : new JournalEventSerializer(system);

        var journals = SimulatedSymbol.Generate(20_000);
        var events = journals.TraderJournal.Cast<IJournalEvent>().Concat(journals.ExchangeJournal).ToArray();
        _event = Event switch
        {
            "TradeExecuted" => TradesExecuted.In(journals.ExchangeJournal).First(),
            "TradesExecuted" => new TradesExecuted(SimulatedSymbol.Instrument.Symbol, TradesExecuted.In(journals.ExchangeJournal).Take(10).ToArray()),
            _ => events.First(e => e.GetType().Name == Event),
        };
        _manifest = Manifest(_event);
        _bytes = _serializer.ToBinary(_event);
        Console.WriteLine($"// {Format} {Event}: {_bytes.Length} bytes");
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().Wait();

    [Benchmark]
    public byte[] Serialize() => _serializer.ToBinary(_event);

    [Benchmark]
    public object Deserialize() => ((SerializerWithStringManifest)_serializer).FromBinary(_bytes, _manifest);

    /// <summary>What one event costs over its life in the journal: written once, read back once.</summary>
    [Benchmark]
    public object RoundTrip() => ((SerializerWithStringManifest)_serializer).FromBinary(_serializer.ToBinary(_event), Manifest(_event));

    private string Manifest(object e) => ((SerializerWithStringManifest)_serializer).Manifest(e);

    /// <summary>Shows "ExchangeOrderAccepted" whole instead of BenchmarkDotNet's 20-character abbreviation.</summary>
    private sealed class WideParameterColumn : ManualConfig
    {
        public WideParameterColumn() => SummaryStyle = SummaryStyle.Default.WithMaxParameterColumnWidth(24);
    }
}
