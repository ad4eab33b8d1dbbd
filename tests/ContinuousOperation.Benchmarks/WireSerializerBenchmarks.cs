using Akka.Actor;
using Akka.Serialization;
using BenchmarkDotNet.Attributes;
using ContinuousOperation.Actors.Exchange;
using ContinuousOperation.Actors.Wire;
using ContinuousOperation.Benchmarks.Support;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Benchmarks;

/// <summary>
/// <see cref="WireSerializer"/> on the two messages that would cross nodes most: a <see cref="MarketDataUpdate"/> with
/// 20 levels per side and 3 trade prints (every tick of every symbol, to its trader), and an order's round trip
/// (<see cref="PlaceOrder"/> there, <see cref="OrderPlaced"/> back). Each operation is what the two nodes pay per
/// message: serialized by the sender, read by the receiver. The book is a seeded venue's after a simulated minute; the
/// setup prints the bytes of each message. <c>Newtonsoft</c> is Akka's default serializer, what these messages would
/// fall back to without a binding.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class WireSerializerBenchmarks
{
    private ActorSystem _system = null!;
    private Serializer _serializer = null!;
    private MarketDataUpdate _update = null!;
    private byte[] _updateBytes = [];
    private PlaceOrder _place = null!;
    private OrderPlaced _placed = null!;

    [Params("Wire", "Newtonsoft")]
    public string Serializer { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("wire-benchmark", "akka.loglevel = WARNING");
        var system = (ExtendedActorSystem)_system;
        _serializer = Serializer == "Wire" ? new WireSerializer(system) : new NewtonSoftJsonSerializer(system);

        var instrument = SimulatedSymbol.Instrument;
        var venue = new SymbolVenue(instrument, new MarketSettings(), FeeSchedule.Default, SimulatedSymbol.Seed);
        for (var tick = 0; tick < 600; tick++) venue.Advance(SimulatedSymbol.TickStep);
        var ticker = venue.Ticker();
        var last = ticker.LastPrice ?? instrument.InitialPrice;
        TradePrint[] prints =
        [
            new(1_001, last, 0.012m, Side.Buy, venue.SimTime), new(1_002, last, 0.250m, Side.Sell, venue.SimTime),
            new(1_003, last + instrument.TickSize, 0.003m, Side.Buy, venue.SimTime),
        ];
        _update = new MarketDataUpdate(instrument.Symbol, 123_456, ticker, venue.Depth(20), prints);
        _updateBytes = _serializer.ToBinary(_update);

        var account = AccountId.TraderFor(instrument.Symbol);
        var order = new ClientOrderId("trader-BTC-USDT-000042");
        _place = new PlaceOrder(instrument.Symbol, new OrderRequest(account, order, Side.Buy, OrderType.Limit, last, 0.015m));
        _placed = new OrderPlaced(instrument.Symbol, order);

        Console.WriteLine($"// {Serializer} MarketDataUpdate ({_update.Depth.Bids.Count}+{_update.Depth.Asks.Count} levels): {_updateBytes.Length} bytes, " +
                          $"PlaceOrder: {_serializer.ToBinary(_place).Length} bytes, OrderPlaced: {_serializer.ToBinary(_placed).Length} bytes");
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().Wait();

    [Benchmark]
    public byte[] MarketDataUpdateToBinary() => _serializer.ToBinary(_update);

    [Benchmark]
    public object MarketDataUpdateFromBinary() => FromBinary(_updateBytes, _update);

    /// <summary>One update from the book's node to the trader's: written, then read.</summary>
    [Benchmark]
    public object MarketDataUpdateAcross() => Across(_update);

    /// <summary>One order from the trader's node to the book's and its acknowledgement back.</summary>
    [Benchmark]
    public object PlaceOrderRoundTrip()
    {
        Across(_place);
        return Across(_placed);
    }

    private object Across(object message) => FromBinary(_serializer.ToBinary(message), message);

    private object FromBinary(byte[] bytes, object message) => _serializer is SerializerWithStringManifest withManifest
        ? withManifest.FromBinary(bytes, withManifest.Manifest(message))
        : _serializer.FromBinary(bytes, message.GetType());
}
