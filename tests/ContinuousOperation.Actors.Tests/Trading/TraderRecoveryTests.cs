using Akka.Actor;
using ContinuousOperation.Actors.Consistency;
using ContinuousOperation.Actors.Exchange;
using ContinuousOperation.Actors.Tests.Exchange;
using ContinuousOperation.Actors.Tests.Support;
using ContinuousOperation.Actors.Trading;
using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Trading;
using static ContinuousOperation.Actors.Tests.Exchange.ExchangeFixture;

namespace ContinuousOperation.Actors.Tests.Trading;

/// <summary>Real venue, real trader, real journal: a trader killed while it trades must come back from its journal,
/// catch up with the venue, and leave journals that reconcile.</summary>
public class TraderRecoveryTests : SqliteTestKit
{
    private static readonly StrategySettings Busy = StrategySettings.Default with
    {
        MarketOrderProbability = 0.3,
        MarketableLimitProbability = 0.3,
    };

    private readonly IActorRef exchange;
    private readonly IActorRef traders;

    public TraderRecoveryTests()
    {
        var metrics = CreateTestProbe().Ref;
        exchange = Sys.ActorOf(ExchangeActor.Props(ExchangeFixture.Settings(speed: 5), metrics), "exchange");
        var trader = new TraderSettings(Btc, StartingCash: 1_000_000m, Seed: 3, DecisionInterval: TimeSpan.FromMilliseconds(50),
            RequestTimeout: TimeSpan.FromSeconds(2), StreamSilenceTimeout: TimeSpan.FromSeconds(3),
            MarketDataFetchInterval: TimeSpan.FromSeconds(1));
        traders = Sys.ActorOf(TradersActor.Props([trader], instrument => new DefaultStrategy(instrument, Busy),
            new RestartBackoff(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), 0), exchange, metrics), "traders");
    }

    private async Task<int> JournaledFills() =>
        (await JournalReader.EventsOf(Sys, $"trader-{Btc.Symbol}")).OfType<FillApplied>().Count();

    private async Task<int> AwaitMoreFillsThan(int count)
    {
        var now = 0;
        await AwaitAssertAsync(async () => Assert.True((now = await JournaledFills()) > count + 3),
            TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(200));
        return now;
    }

    private async Task KillTrader()
    {
        var trader = await Sys.ActorSelection(traders.Path / $"trader-{Btc.Symbol}" / "trader").ResolveOne(TimeSpan.FromSeconds(3));
        Watch(trader);
        trader.Tell(Kill.Instance);
        ExpectTerminated(trader);
    }

    [Fact]
    public async Task A_trader_killed_twice_while_trading_recovers_and_every_fill_reconciles_exactly_once()
    {
        var fills = await AwaitMoreFillsThan(0);
        await KillTrader();
        fills = await AwaitMoreFillsThan(fills);
        await KillTrader();
        await AwaitMoreFillsThan(fills);

        await traders.Ask<AllTradersDrained>(StopTrading.Instance, TimeSpan.FromSeconds(30));
        await exchange.Ask<BooksClosed>(CloseBooks.Instance, TimeSpan.FromSeconds(10));
        var consistency = Sys.ActorOf(ConsistencyActor.Props(TempSqliteJournal.ReadJournalPluginId));
        var report = await consistency.Ask<ConsistencyReport>(Reconcile.Instance, TimeSpan.FromSeconds(30));

        var violations = report.Invariants.SelectMany(i => i.Violations).Select(v => $"{v.Invariant}: {v.Detail}");
        Assert.True(report.IsValid, string.Join(Environment.NewLine, violations));
        var venueFills = (await JournalReader.EventsOf(Sys, $"exchange-{Btc.Symbol}")).OfType<TradeExecuted>()
            .Sum(t => (t.Buyer.Account == Trader ? 1 : 0) + (t.Seller.Account == Trader ? 1 : 0));
        Assert.Equal(venueFills, await JournaledFills());
    }
}
