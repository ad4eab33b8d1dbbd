using System.Collections.Concurrent;
using Akka.Actor;
using Akka.TestKit;
using ContinuousOperation.Actors.Exchange;
using ContinuousOperation.Actors.Tests.Support;
using ContinuousOperation.Actors.Trading;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Actors.Tests.Trading;

/// <summary>The trader's decisions follow the market's simulated clock, not its own wall timer.</summary>
public class TraderPaceTests : SqliteTestKit
{
    private static readonly Instrument Btc = InstrumentCatalog.For(new Symbol("BTC-USDT"));
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(40);

    /// <summary>Speed 400: a market step of 100 ms of wall time is 40 simulated seconds.</summary>
    private static readonly TraderSettings Settings = new(Btc, StartingCash: 100_000m, Seed: 7,
        DecisionInterval: TimeSpan.FromSeconds(1), RequestTimeout: TimeSpan.FromSeconds(5),
        StreamSilenceTimeout: TimeSpan.FromHours(1), MarketDataFetchInterval: TimeSpan.FromHours(1))
    {
        Run = TestRun.Id,
        Speed = 400,
        MarketTickInterval = TimeSpan.FromMilliseconds(100),
    };

    /// <summary>Only records when it was asked to decide.</summary>
    private sealed class Watching : ITradingStrategy
    {
        public ConcurrentQueue<TimeSpan> DecidedAt { get; } = new();

        public IReadOnlyList<TradingIntent> Decide(MarketView view, TraderState state, Random rng)
        {
            DecidedAt.Enqueue(view.SimTime);
            return [];
        }
    }

    private static Ticker Quote(TimeSpan simTime) => new(Btc.Symbol, 99.9m, 100.1m, 100m, simTime);

    [Fact]
    public void At_speed_400_the_trader_decides_every_simulated_second_the_market_shows_and_not_beyond_one_step()
    {
        var venue = CreateTestProbe();
        var strategy = new Watching();
        var trader = Sys.ActorOf(TraderActor.Props(Settings, strategy, venue.Ref, CreateTestProbe().Ref));
        venue.ExpectMsg<SyncAccount>();
        venue.Reply(new AccountSynced(Btc.Symbol, [], []));
        venue.ExpectMsg<SubscribeMarketData>();
        trader.Tell(new MarketDataSnapshot(Btc.Symbol, 1, Quote(TimeSpan.Zero), new DepthSnapshot(Btc.Symbol, [], [], TimeSpan.Zero)));
        AwaitAssert(() => Assert.NotEmpty(strategy.DecidedAt), TimeSpan.FromSeconds(5));
        trader.Tell(new MarketDataUpdate(Btc.Symbol, 2, Quote(Step), new DepthSnapshot(Btc.Symbol, [], [], Step), []));

        // A trader capped by wall time (one decision per 50 ms) would decide at the market's times only, 0 s and 40 s.
        AwaitAssert(() => Assert.True(strategy.DecidedAt.Max() >= Step + Step - TimeSpan.FromSeconds(1)), TimeSpan.FromSeconds(10));
        var decided = strategy.DecidedAt.ToArray();
        Assert.All(decided.Zip(decided.Skip(1)), pair => Assert.Equal(TimeSpan.FromSeconds(1), pair.Item2 - pair.Item1));

        // The market stays at 40 s: the trader's clock runs at most one step past it.
        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        Assert.True(strategy.DecidedAt.Max() <= Step + Step);
    }
}
