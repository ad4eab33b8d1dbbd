using Akka.Actor;
using ContinuousOperation.Actors.Exchange;
using ContinuousOperation.Actors.Run;
using ContinuousOperation.Actors.Topology;
using ContinuousOperation.Actors.Tests.Support;
using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Actors.Tests.Exchange;

internal static class ExchangeFixture
{
    public static readonly Instrument Btc = InstrumentCatalog.For(new Symbol("BTC-USDT"));
    public static readonly AccountId Trader = AccountId.TraderFor(Btc.Symbol);

    public static ExchangeSettings Settings(double speed = 1) => new(
        [Btc], new MarketSettings(MarketCondition.Ranging), FeeSchedule.Default, Seed: 42, speed,
        TickInterval: TimeSpan.FromMilliseconds(50), HeartbeatInterval: TimeSpan.FromMilliseconds(500),
        new RestartBackoff(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), 0)) { Run = TestRun.Id };

    /// <summary>The exchange seam of a single-node run, over the given settings' symbols.</summary>
    public static Props Seam(ExchangeSettings settings, IActorRef metrics) =>
        SymbolRouter.Props(settings.Instruments.Select(i => i.Symbol).ToArray(),
            symbol => RunTopology.ExchangeEntity(settings, symbol, metrics), "venue");

    /// <summary>The BTC book actor itself, behind its back-off supervisor, under the exchange seam.</summary>
    public static ActorSelection BookOf(ActorSystem system, IActorRef exchange) =>
        system.ActorSelection(exchange.Path / $"venue-{Btc.Symbol}" / "book" / "book");
}
