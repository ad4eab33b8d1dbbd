using Akka.Actor;
using ContinuousOperation.Actors.Topology;
using ContinuousOperation.Actors.Trading;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Actors.Run;

/// <summary>
/// One drain of the traders, started by the coordinator at the end of a run: asks every symbol's trader, through the
/// traders seam, to stop trading, and asks again every <see cref="RetryInterval"/> until each has answered (a trader
/// restarted mid-drain remembers from its journal that it stopped, but not who asked). Starts on
/// <see cref="StopTrading"/> and answers its sender <see cref="AllTradersDrained"/>, then stops.
/// </summary>
public sealed class TradersDrain : ReceiveActor, IWithTimers
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(2);

    private readonly IActorRef traders;
    private readonly HashSet<Symbol> undrained;
    private IActorRef requester = ActorRefs.Nobody;

    public TradersDrain(IActorRef traders, IReadOnlyList<Symbol> symbols)
    {
        this.traders = traders;
        undrained = symbols.ToHashSet();
        Receive<StopTrading>(_ =>
        {
            requester = Sender;
            AskUndrained();
            Timers.StartPeriodicTimer(nameof(Retry), Retry.Instance, RetryInterval);
        });
        Receive<Retry>(_ => AskUndrained());
        Receive<TraderDrained>(drained =>
        {
            undrained.Remove(drained.Symbol);
            if (undrained.Count > 0) return;
            requester.Tell(new AllTradersDrained(symbols));
            Context.Stop(Self);
        });
    }

    public static Props Props(IActorRef traders, IReadOnlyList<Symbol> symbols) =>
        Akka.Actor.Props.Create(() => new TradersDrain(traders, symbols));

    public ITimerScheduler Timers { get; set; } = null!;

    private void AskUndrained()
    {
        foreach (var symbol in undrained) traders.Tell(new ForSymbol(symbol, StopTrading.Instance));
    }

    private sealed record Retry
    {
        public static readonly Retry Instance = new();
    }
}
