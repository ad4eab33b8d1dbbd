using Akka.Actor;
using ContinuousOperation.Actors.Exchange;
using ContinuousOperation.Actors.Run;
using ContinuousOperation.Actors.Topology;

namespace ContinuousOperation.Cli.Gateway;

/// <summary>The venue without the run around it (no traders, coordinator or fault injector): the exchange seam of a
/// single-node run, over the settings' symbols, each book journalling to the configured database as in a run, and
/// every book started at once so that the market moves before the first client comes.</summary>
internal static class StandaloneVenue
{
    public static IActorRef Start(IActorRefFactory system, ExchangeSettings settings)
    {
        var symbols = settings.Instruments.Select(i => i.Symbol).ToArray();
        // No metrics actor: nothing here reports on a run; what the books would tell it is dropped.
        var exchange = system.ActorOf(SymbolRouter.Props(symbols,
            symbol => RunTopology.ExchangeEntity(settings, symbol, ActorRefs.Nobody), "venue"), "exchange");
        foreach (var symbol in symbols) exchange.Tell(new EnsureStarted(symbol));
        return exchange;
    }
}
