using Akka.Actor;
using ContinuousOperation.Actors.Faults;
using ContinuousOperation.Actors.Topology;
using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Actors.Exchange;

/// <summary>
/// The venue's front door for one symbol, and the entity the exchange seam routes that symbol's requests to. Forwards
/// every request to the symbol's book (under the back-off supervisor the composition root chose, so a book that
/// crashes or loses its database comes back from its journal behind the same address) and serves the market-data
/// stream: sequence numbers, fan-out to subscribers, heartbeats on a quiet stream. It is also where the network's
/// faults are injected: tampered streams, lost replies and error replies.
/// </summary>
public sealed class ExchangeActor : ReceiveActor, IWithTimers
{
    private readonly Symbol symbol;
    private readonly TimeSpan heartbeatInterval;
    private readonly IActorRef book;
    private readonly MarketDataStream stream = new();
    private readonly RequestFaults requestFaults = new();

    /// <summary>Where the replies of requests that "time out" go: the request is served, its reply is lost.</summary>
    private readonly IActorRef lostReplies;

    private IActorRef faultReporter = ActorRefs.Nobody;

    /// <param name="supervisedBook">The book's props, given the stream its prints go to (this actor).</param>
    public ExchangeActor(Symbol symbol, TimeSpan heartbeatInterval, Func<IActorRef, Props> supervisedBook)
    {
        this.symbol = symbol;
        this.heartbeatInterval = heartbeatInterval;
        book = Context.ActorOf(supervisedBook(Self), "book");
        lostReplies = Context.ActorOf(Akka.Actor.Props.Create(() => new LostReplies()), "lost-replies");

        Receive<BookPublished>(Fanout);
        Receive<SubscribeMarketData>(_ => Subscribe());
        // Blocks, not expressions: a handler that returns false counts as not handled, and Remove returns false for a
        // subscriber already gone.
        Receive<UnsubscribeMarketData>(_ => { stream.Subscribers.Remove(Sender); });
        Receive<Terminated>(t => { stream.Subscribers.Remove(t.ActorRef); });
        Receive<Heartbeat>(_ => SendHeartbeat());
        Receive<InjectCrash>(crash => book.Forward(crash));
        Receive<InjectMarketDataFault>(ArmStreamFault);
        Receive<InjectRequestFaults>(fault =>
        {
            faultReporter = Sender;
            requestFaults.Arm(fault.FaultId, fault.Kind, fault.Count);
        });
        Receive<InjectAccountChannelFault>(fault => book.Forward(fault));
        Receive<CloseBook>(close => book.Forward(close));
        Receive<EnsureStarted>(_ => { });
        Receive<IWithSymbol>(Route);
    }

    public static Props Props(Symbol symbol, TimeSpan heartbeatInterval, Func<IActorRef, Props> supervisedBook) =>
        Akka.Actor.Props.Create(() => new ExchangeActor(symbol, heartbeatInterval, supervisedBook));

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart() => Timers.StartPeriodicTimer("heartbeat", Heartbeat.Instance, heartbeatInterval);

    /// <summary>A venue that goes down closes its connections: subscribers learn at once that they must reconnect,
    /// as they would from a reset socket, instead of waiting for the stream's silence.</summary>
    protected override void PostStop()
    {
        foreach (var subscriber in stream.Subscribers) subscriber.Tell(new MarketDataDisconnected(symbol));

        // Faults in effect here (a silenced stream, requests still to break) die with this incarnation: their effect is
        // over, recovery can be judged from now. Those not yet in effect are armed again once the venue is back.
        var now = DateTimeOffset.UtcNow;
        var silence = stream.Tamper.SilencedBy(now) is { } silencedBy ? [silencedBy] : Array.Empty<int>();
        foreach (var faultId in silence.Concat(requestFaults.Disarm()))
            faultReporter.Tell(new FaultEffectEnded(faultId, now));
    }

    private void Route(IWithSymbol request)
    {
        if (requestFaults.Take() is not { } fault)
        {
            book.Forward(request);
            return;
        }

        if (fault.Kind == FaultKind.RequestTimeout)
            book.Tell(request, lostReplies);
        else
            Sender.Tell(new RequestFailed(symbol, request.GetType().Name, $"service unavailable (injected fault #{fault.FaultId})"));
        var now = DateTimeOffset.UtcNow;
        if (fault.First) faultReporter.Tell(new FaultApplied(fault.FaultId, now));
        if (fault.Last) faultReporter.Tell(new FaultEffectEnded(fault.FaultId, now));
    }

    private void Fanout(BookPublished published)
    {
        var now = DateTimeOffset.UtcNow;
        var (deliver, applied) = stream.Tamper.Pass(stream.Next(published, now.UtcDateTime), now);
        // The fault took effect before subscribers can react to it: their recovery is stamped later.
        if (applied is { } faultId) faultReporter.Tell(new FaultApplied(faultId, now));
        foreach (var update in deliver)
        foreach (var subscriber in stream.Subscribers)
            subscriber.Tell(update);
    }

    private void Subscribe()
    {
        stream.Subscribers.Add(Sender);
        Context.Watch(Sender);
        if (stream.Latest is { } latest && !stream.Tamper.IsSilent(DateTimeOffset.UtcNow))
            Sender.Tell(new MarketDataSnapshot(latest.Symbol, latest.Sequence, latest.Ticker, latest.Depth));
    }

    private void ArmStreamFault(InjectMarketDataFault fault)
    {
        faultReporter = Sender;
        var now = DateTimeOffset.UtcNow;
        if (stream.Tamper.Arm(fault.FaultId, fault.Kind, fault.Duration, now) is not { } appliedNow) return;
        faultReporter.Tell(new FaultApplied(appliedNow, now));
        if (fault.Kind != FaultKind.StreamDisconnect) return;
        foreach (var subscriber in stream.Subscribers) subscriber.Tell(new MarketDataDisconnected(symbol));
        stream.Subscribers.Clear();
    }

    private void SendHeartbeat()
    {
        var now = DateTime.UtcNow;
        if (!stream.IsQuietSince(now - heartbeatInterval) || stream.Tamper.IsSilent(DateTimeOffset.UtcNow)) return;
        var heartbeat = new MarketDataHeartbeat(symbol, stream.Sequence);
        foreach (var subscriber in stream.Subscribers) subscriber.Tell(heartbeat);
        stream.MarkSent(now);
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
