using Akka.Actor;
using Akka.Event;
using ContinuousOperation.Actors.Faults;
using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Actors.Exchange;

/// <summary>
/// The venue's front door. Routes every symbol request to that symbol's book (each under a back-off supervisor, so a
/// book that crashes or loses its database comes back from its journal behind the same address) and serves the
/// market-data stream: per-symbol sequence numbers, fan-out to subscribers, heartbeats on quiet streams.
/// It is also where the network's faults are injected: tampered streams, lost replies and error replies.
/// </summary>
public sealed class ExchangeActor : ReceiveActor, IWithTimers
{
    private readonly ExchangeSettings settings;
    private readonly ILoggingAdapter log = Context.GetLogger();
    private readonly Dictionary<Symbol, IActorRef> books = new();
    private readonly Dictionary<Symbol, MarketDataStream> streams = new();
    private readonly Dictionary<Symbol, RequestFaults> requestFaults = new();

    /// <summary>Where the replies of requests that "time out" go: the request is served, its reply is lost.</summary>
    private readonly IActorRef lostReplies;

    private IActorRef faultReporter = ActorRefs.Nobody;

    public ExchangeActor(ExchangeSettings settings, IActorRef metrics)
    {
        this.settings = settings;
        foreach (var instrument in settings.Instruments)
        {
            var symbol = instrument.Symbol;
            var book = OrderBookActor.Props(settings.BookFor(instrument), Self, metrics);
            books[symbol] = Context.ActorOf(settings.BookBackoff.Supervise(book, "book"), $"book-{symbol}");
            streams[symbol] = new MarketDataStream();
            requestFaults[symbol] = new RequestFaults();
        }

        lostReplies = Context.ActorOf(Akka.Actor.Props.Create(() => new LostReplies()), "lost-replies");

        Receive<BookPublished>(Fanout);
        Receive<SubscribeMarketData>(Subscribe);
        Receive<UnsubscribeMarketData>(u => Unsubscribe(Sender));
        Receive<Terminated>(t => Unsubscribe(t.ActorRef));
        Receive<Heartbeat>(_ => SendHeartbeats());
        Receive<CloseBooks>(_ => CloseAll());
        Receive<InjectCrash>(crash => throw crash.TakeEffect(Sender));
        Receive<InjectMarketDataFault>(ArmStreamFault);
        Receive<InjectRequestFaults>(fault =>
        {
            faultReporter = Sender;
            requestFaults[fault.Symbol].Arm(fault.FaultId, fault.Kind, fault.Count);
        });
        Receive<InjectAccountChannelFault>(fault => books[fault.Symbol].Forward(fault));
        Receive<IWithSymbol>(Route);
    }

    public static Props Props(ExchangeSettings settings, IActorRef metrics) =>
        Akka.Actor.Props.Create(() => new ExchangeActor(settings, metrics));

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart() =>
        Timers.StartPeriodicTimer("heartbeat", Heartbeat.Instance, settings.HeartbeatInterval);

    /// <summary>A venue that goes down closes its connections: subscribers learn at once that they must reconnect,
    /// as they would from a reset socket, instead of waiting for the stream's silence.</summary>
    protected override void PostStop()
    {
        foreach (var (symbol, stream) in streams)
        foreach (var subscriber in stream.Subscribers)
            subscriber.Tell(new MarketDataDisconnected(symbol));

        // Faults in effect here (silenced streams, requests still to break) die with this incarnation: their effect is
        // over, recovery can be judged from now. Those not yet in effect are armed again once the venue is back.
        var now = DateTimeOffset.UtcNow;
        var silences = streams.Values.Select(s => s.Tamper.SilencedBy(now)).OfType<int>();
        foreach (var faultId in silences.Concat(requestFaults.Values.SelectMany(f => f.Disarm())))
            faultReporter.Tell(new FaultEffectEnded(faultId, now));
    }

    private void Route(IWithSymbol request)
    {
        if (!books.TryGetValue(request.Symbol, out var book))
        {
            log.Warning("Request {Request} for unknown symbol {Symbol}", request.GetType().Name, request.Symbol);
            return;
        }

        if (requestFaults[request.Symbol].Take() is not { } fault)
        {
            book.Forward(request);
            return;
        }

        if (fault.Kind == FaultKind.RequestTimeout)
            book.Tell(request, lostReplies);
        else
            Sender.Tell(new RequestFailed(request.Symbol, request.GetType().Name, $"service unavailable (injected fault #{fault.FaultId})"));
        var now = DateTimeOffset.UtcNow;
        if (fault.First) faultReporter.Tell(new FaultApplied(fault.FaultId, now));
        if (fault.Last) faultReporter.Tell(new FaultEffectEnded(fault.FaultId, now));
    }

    private void Fanout(BookPublished published)
    {
        var stream = streams[published.Symbol];
        var now = DateTimeOffset.UtcNow;
        var (deliver, applied) = stream.Tamper.Pass(stream.Next(published, now.UtcDateTime), now);
        // The fault took effect before subscribers can react to it: their recovery is stamped later.
        if (applied is { } faultId) faultReporter.Tell(new FaultApplied(faultId, now));
        foreach (var update in deliver)
        foreach (var subscriber in stream.Subscribers)
            subscriber.Tell(update);
    }

    private void Subscribe(SubscribeMarketData subscribe)
    {
        if (!streams.TryGetValue(subscribe.Symbol, out var stream)) return;
        stream.Subscribers.Add(Sender);
        Context.Watch(Sender);
        if (stream.Latest is { } latest && !stream.Tamper.IsSilent(DateTimeOffset.UtcNow))
            Sender.Tell(new MarketDataSnapshot(latest.Symbol, latest.Sequence, latest.Ticker, latest.Depth));
    }

    private void ArmStreamFault(InjectMarketDataFault fault)
    {
        faultReporter = Sender;
        var stream = streams[fault.Symbol];
        var now = DateTimeOffset.UtcNow;
        if (stream.Tamper.Arm(fault.FaultId, fault.Kind, fault.Duration, now) is not { } appliedNow) return;
        faultReporter.Tell(new FaultApplied(appliedNow, now));
        if (fault.Kind != FaultKind.StreamDisconnect) return;
        foreach (var subscriber in stream.Subscribers) subscriber.Tell(new MarketDataDisconnected(fault.Symbol));
        stream.Subscribers.Clear();
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
            if (!stream.IsQuietSince(now - settings.HeartbeatInterval) || stream.Tamper.IsSilent(DateTimeOffset.UtcNow)) continue;
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

    private sealed class LostReplies : ReceiveActor
    {
        public LostReplies() => ReceiveAny(_ => { });
    }
}
