using Akka.Actor;
using ContinuousOperation.Actors.Exchange;
using ContinuousOperation.Actors.Faults;
using ContinuousOperation.Actors.Trading;
using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Run;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Actors.Run;

/// <summary>Turns the user's <see cref="RunSettings"/> into the settings of each actor and the props of each symbol's
/// entities, in one place, for every topology (one node or a cluster).</summary>
public static class RunTopology
{
    /// <summary>
    /// Wall time between one book's market steps; each step advances simulated time by this × speed. Up to 100
    /// symbols every book ticks ten times a second; beyond, the exchange as a whole ticks at most 1,000 times a second
    /// (one millisecond per symbol: a book of a 1,000-symbol run ticks once a second). Ticking is the work that grows
    /// with the symbols (a step, a journal write, a depth snapshot to publish), and the market does not lose by it:
    /// a longer step draws the same arrivals and trades in one batch. A second is the ceiling, the heartbeat interval,
    /// so that a stream is never quiet for longer.
    /// </summary>
    public static TimeSpan TickInterval(int symbols) => TimeSpan.FromMilliseconds(Math.Clamp(symbols, 100, 1_000));

    public const decimal StartingCash = 1_000_000m;

    public static ExchangeSettings Exchange(RunSettings run) => new(
        run.Instruments, run.Market, FeeSchedule.Default, run.Seed, run.Speed, TickInterval(run.Instruments.Count),
        HeartbeatInterval: TimeSpan.FromSeconds(1), RestartBackoff.Default) { Run = run.Run, Snapshots = run.Snapshots };

    /// <summary>Traders decide once per simulated second at every speed (<see cref="DecisionPace"/>).</summary>
    public static readonly TimeSpan DecisionInterval = TimeSpan.FromSeconds(1);

    public static IReadOnlyList<TraderSettings> Traders(RunSettings run) =>
        run.Instruments
            .Select(instrument => new TraderSettings(instrument, StartingCash, run.Seed, DecisionInterval,
                RequestTimeout: TimeSpan.FromSeconds(3), StreamSilenceTimeout: TimeSpan.FromSeconds(5),
                MarketDataFetchInterval: TimeSpan.FromSeconds(5))
            {
                Run = run.Run, Snapshots = run.Snapshots, Speed = run.Speed, MarketTickInterval = TickInterval(run.Instruments.Count),
            })
            .ToArray();

    /// <summary>One symbol's venue entity: its <see cref="ExchangeActor"/>, which starts the symbol's book under the
    /// book back-off.</summary>
    public static Props ExchangeEntity(ExchangeSettings exchange, Symbol symbol, IActorRef metrics)
    {
        var instrument = exchange.Instruments.Single(i => i.Symbol == symbol);
        return ExchangeActor.Props(symbol, exchange.HeartbeatInterval, marketData =>
            exchange.BookBackoff.Supervise(OrderBookActor.Props(exchange.BookFor(instrument), marketData, metrics), "book"));
    }

    /// <summary>One symbol's trader entity: the paper trader under its back-off supervisor, talking to the venue
    /// through the exchange seam.</summary>
    public static Props TraderEntity(
        TraderSettings trader, ITradingStrategy strategy, RestartBackoff backoff, IActorRef exchange, IActorRef metrics) =>
        backoff.Supervise(TraderActor.Props(trader, strategy, exchange, metrics), "trader");

    /// <summary>The schedule is drawn over the run's simulated length, so the same seed puts faults at the same
    /// simulated times whatever the speed. A resumed run fires only the faults at or after the point its earlier
    /// segments' fault clocks reached, at their planned offsets. Node faults are planned only in a cluster
    /// <paramref name="scope"/>; a single-node run (the default) plans the exchange-wide crash instead.</summary>
    public static (FaultInjectorSettings Injection, IReadOnlyList<ScheduledFault> Passed) FaultInjection(
        RunSettings settings, RunHistory history, FaultScope? scope = null)
    {
        var resumedAt = history.FaultClock * settings.Speed;
        var (due, passed) = FaultSchedule.SplitAt(
            FaultSchedule.Plan(settings.Faults, settings.Seed, settings.Duration * settings.Speed, settings.Symbols.ToArray(),
                scope ?? FaultScope.SingleNode),
            resumedAt);
        return (new FaultInjectorSettings(settings.Faults.Name, due, settings.Speed, settings.Symbols.ToArray()) { ResumedAt = resumedAt },
            passed);
    }
}
