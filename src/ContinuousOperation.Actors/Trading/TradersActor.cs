using Akka.Actor;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Actors.Trading;

/// <summary>
/// Parent of the paper traders, one per symbol, each under a back-off supervisor: a trader that crashes or whose
/// journal write fails is stopped and started again from its journal, behind the same address. Also runs the drain:
/// it keeps asking every trader to stop until each has answered (a trader restarted mid-drain remembers from its
/// journal that it stopped, but not who asked, so it must be asked again).
/// </summary>
public sealed class TradersActor : ReceiveActor, IWithTimers
{
    private static readonly TimeSpan DrainRetryInterval = TimeSpan.FromSeconds(2);
    private readonly Dictionary<Symbol, IActorRef> traders = new();
    private readonly HashSet<Symbol> drained = [];
    private IActorRef? drainRequester;

    public TradersActor(
        IReadOnlyList<TraderSettings> settings, Func<Instrument, ITradingStrategy> strategyFor, RestartBackoff backoff,
        IActorRef exchange, IActorRef metrics)
    {
        foreach (var trader in settings)
        {
            var props = TraderActor.Props(trader, strategyFor(trader.Instrument), exchange, metrics);
            traders[trader.Instrument.Symbol] = Context.ActorOf(backoff.Supervise(props, "trader"), $"trader-{trader.Instrument.Symbol}");
        }

        Receive<StopTrading>(_ =>
        {
            drainRequester = Sender;
            AskUndrainedToStop();
            Timers.StartPeriodicTimer("drain-retry", DrainRetry.Instance, DrainRetryInterval);
        });
        Receive<DrainRetry>(_ => AskUndrainedToStop());
        Receive<TraderDrained>(d =>
        {
            drained.Add(d.Symbol);
            if (drained.Count < traders.Count || drainRequester is null) return;
            Timers.Cancel("drain-retry");
            drainRequester.Tell(new AllTradersDrained(drained.ToArray()));
            drainRequester = null;
        });
    }

    public static Props Props(
        IReadOnlyList<TraderSettings> settings, Func<Instrument, ITradingStrategy> strategyFor, RestartBackoff backoff,
        IActorRef exchange, IActorRef metrics) =>
        Akka.Actor.Props.Create(() => new TradersActor(settings, strategyFor, backoff, exchange, metrics));

    public ITimerScheduler Timers { get; set; } = null!;

    private void AskUndrainedToStop()
    {
        foreach (var (symbol, trader) in traders)
            if (!drained.Contains(symbol)) trader.Tell(StopTrading.Instance);
    }

    private sealed record DrainRetry
    {
        public static readonly DrainRetry Instance = new();
    }
}
