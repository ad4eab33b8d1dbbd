using Akka.Actor;
using ContinuousOperation.Actors.Consistency;
using ContinuousOperation.Actors.Diagnostics;
using ContinuousOperation.Actors.Faults;
using ContinuousOperation.Actors.Monitoring;
using ContinuousOperation.Actors.Topology;
using ContinuousOperation.Domain.Run;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Actors.Run;

/// <summary>
/// The composition root of a single-node run: every decision about the tree is made here — the topology (one
/// <see cref="SymbolRouter"/> per entity type), the strategy, the back-off of books and traders, the planned fault
/// schedule — and handed to the actors, which are created as top-level actors of the system (the guardian's
/// <see cref="RunPartsSupervision"/> gives up on one that keeps failing, and the coordinator reports it).
/// </summary>
public static class LocalRunTree
{
    /// <summary>Starts the run; the coordinator it returns answers <see cref="WaitForRunOutcome"/>.</summary>
    public static IActorRef Start(
        IActorRefFactory system, RunSettings settings, IDatabaseOutage outage, string readJournalPluginId,
        RunHistory history, IRunProgress? progress)
    {
        var symbols = settings.Symbols.ToArray();
        var remaining = history.Remaining(settings.Duration);
        var metrics = system.ActorOf(MetricsActor.Props(MetricsSettings.For(settings) with { RunDuration = remaining }), "metrics");
        var exchangeSettings = RunTopology.Exchange(settings);
        var exchange = system.ActorOf(SymbolRouter.Props(symbols,
            symbol => RunTopology.ExchangeEntity(exchangeSettings, symbol, metrics), "venue"), "exchange");
        var traderSettings = RunTopology.Traders(settings).ToDictionary(t => t.Instrument.Symbol);
        var traders = system.ActorOf(SymbolRouter.Props(symbols, symbol =>
        {
            var trader = traderSettings[symbol];
            var strategy = new DefaultStrategy(trader.Instrument, StrategySettings.Default);
            return RunTopology.TraderEntity(trader, strategy, RestartBackoff.Default, exchange, metrics);
        }, "trader"), "traders");
        var consistency = system.ActorOf(ConsistencyActor.Props(readJournalPluginId, metrics), "consistency");
        var faults = settings.Faults.IsEmpty
            ? null
            : system.ActorOf(FaultInjectorActor.Props(RunTopology.FaultInjection(settings, history).Injection, exchange,
                traders, metrics, outage), "faults");
        system.ActorOf(LostMessageWatcher.Props(metrics), "lost-messages");
        if (settings.SelfTestLeakMbPerMinute > 0) system.ActorOf(LeakActor.Props(settings.SelfTestLeakMbPerMinute), "self-test-leak");
        return system.ActorOf(RunCoordinator.Props(settings, new RunParts(metrics, exchange, traders, consistency, faults),
            history, progress), "run");
    }
}
