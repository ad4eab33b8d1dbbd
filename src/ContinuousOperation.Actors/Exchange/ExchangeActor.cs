using Akka.Actor;
using Akka.Event;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Actors.Exchange;

/// <summary>
/// The venue's front door. Routes every symbol request to that symbol's book (each under a back-off supervisor, so a
/// book that crashes or loses its database comes back from its journal behind the same address) and serves the
/// market-data stream: per-symbol sequence numbers, fan-out to subscribers, heartbeats on quiet streams.
/// </summary>
public sealed class ExchangeActor : ReceiveActor, IWithTimers
{
    private readonly ExchangeSettings settings;
    private readonly ILoggingAdapter log = Context.GetLogger();
    private readonly Dictionary<Symbol, IActorRef> books = new();
    private readonly Dictionary<Symbol, MarketDataStream> streams = new();

    public ExchangeActor(ExchangeSettings settings, IActorRef metrics)
    {
        this.settings = settings;
        foreach (var instrument in settings.Instruments)
        {
            var symbol = instrument.Symbol;
            var book = OrderBookActor.Props(settings.BookFor(instrument), Self, metrics);
            books[symbol] = Context.ActorOf(settings.BookBackoff.Supervise(book, "book"), $"book-{symbol}");
            streams[symbol] = new MarketDataStream();
        }

        Receive<BookPublished>(Fanout);
        Receive<SubscribeMarketData>(Subscribe);
        Receive<UnsubscribeMarketData>(u => Unsubscribe(Sender));
        Receive<Terminated>(t => Unsubscribe(t.ActorRef));
        Receive<Heartbeat>(_ => SendHeartbeats());
        Receive<CloseBooks>(_ => CloseAll());
        Receive<IWithSymbol>(Route);
    }

    public static Props Props(ExchangeSettings settings, IActorRef metrics) =>
        Akka.Actor.Props.Create(() => new ExchangeActor(settings, metrics));

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart() =>
        Timers.StartPeriodicTimer("heartbeat", Heartbeat.Instance, settings.HeartbeatInterval);

    private void Route(IWithSymbol request)
    {
        if (books.TryGetValue(request.Symbol, out var book))
            book.Forward(request);
        else
            log.Warning("Request {Request} for unknown symbol {Symbol}", request.GetType().Name, request.Symbol);
    }

    private void Fanout(BookPublished published)
    {
        var update = streams[published.Symbol].Next(published, DateTime.UtcNow);
        foreach (var subscriber in streams[published.Symbol].Subscribers)
            subscriber.Tell(update);
    }

    private void Subscribe(SubscribeMarketData subscribe)
    {
        if (!streams.TryGetValue(subscribe.Symbol, out var stream)) return;
        stream.Subscribers.Add(Sender);
        Context.Watch(Sender);
        if (stream.Latest is { } latest)
            Sender.Tell(new MarketDataSnapshot(latest.Symbol, latest.Sequence, latest.Ticker, latest.Depth));
    }

    private void Unsubscribe(IActorRef subscriber)
    {
        foreach (var stream in streams.Values)
            stream.Subscribers.Remove(subscriber);
    }

    private void SendHeartbeats()
    {
        var now = DateTime.UtcNow;
        foreach (var (symbol, stream) in streams)
        {
            if (!stream.IsQuietSince(now - settings.HeartbeatInterval)) continue;
            var heartbeat = new MarketDataHeartbeat(symbol, stream.Sequence);
            foreach (var subscriber in stream.Subscribers)
                subscriber.Tell(heartbeat);
            stream.MarkSent(now);
        }
    }

    private void CloseAll()
    {
        var replyTo = Sender;
        var closing = books.Select(kv => kv.Value.Ask<BookClosedAck>(new CloseBook(kv.Key), settings.CloseTimeout));
        Task.WhenAll(closing).PipeTo(replyTo,
            success: acks => new BooksClosed(acks.Select(a => a.Symbol).ToArray()),
            failure: ex => new Status.Failure(ex));
    }

    private sealed record Heartbeat
    {
        public static readonly Heartbeat Instance = new();
    }
}
