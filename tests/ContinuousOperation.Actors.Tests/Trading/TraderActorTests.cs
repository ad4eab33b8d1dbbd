using Akka.Actor;
using Akka.TestKit;
using ContinuousOperation.Actors.Exchange;
using ContinuousOperation.Actors.Monitoring;
using ContinuousOperation.Actors.Tests.Support;
using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Actors.Trading;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Actors.Tests.Trading;

/// <summary>The trader against a scripted venue (a probe), so every request and reply is explicit.</summary>
public class TraderActorTests : SqliteTestKit
{
    private static readonly Instrument Btc = InstrumentCatalog.For(new Symbol("BTC-USDT"));
    private static readonly AccountId Account = AccountId.TraderFor(Btc.Symbol);
    private static readonly ClientOrderId FirstOrder = new("BTC-USDT-1");

    private static readonly TraderSettings Settings = new(Btc, StartingCash: 100_000m, Seed: 7,
        DecisionInterval: TimeSpan.FromMilliseconds(50), RequestTimeout: TimeSpan.FromSeconds(1),
        StreamSilenceTimeout: TimeSpan.FromSeconds(2), MarketDataFetchInterval: TimeSpan.FromHours(1))
    {
        Run = TestRun.Id,
        // The scripted venue's clock never moves: the trader's own runs on, so it keeps deciding.
        MarketTickInterval = TimeSpan.FromHours(1),
    };

    private readonly TestProbe venue;
    private readonly TestProbe metrics;

    public TraderActorTests()
    {
        venue = CreateTestProbe();
        metrics = CreateTestProbe();
    }

    private IActorRef StartTrader() =>
        Sys.ActorOf(TraderActor.Props(Settings, new ScriptedStrategy(), venue.Ref, metrics.Ref));

    private static AccountFill Fill(long sequence, decimal quantity) =>
        new(Btc.Symbol, Account, new FillId($"BTC-USDT-{sequence}-B"), FirstOrder, Side.Buy, 100m, quantity, 0.001m,
            IsMaker: true, sequence, TimeSpan.FromSeconds(sequence));

    private static Ticker Quote() => new(Btc.Symbol, 99.9m, 100.1m, 100m, TimeSpan.Zero);

    /// <summary>Start, answer the first sync and the subscription, and take the one order the strategy places.</summary>
    private IActorRef StartTradingWithOneLiveOrder()
    {
        var trader = StartTrader();
        venue.ExpectMsg<SyncAccount>(s => Assert.Equal(0, s.AfterFillSequence));
        venue.Reply(new AccountSynced(Btc.Symbol, [], []));
        venue.ExpectMsg<SubscribeMarketData>();
        trader.Tell(new MarketDataSnapshot(Btc.Symbol, 1, Quote(), new DepthSnapshot(Btc.Symbol, [], [], TimeSpan.Zero)));

        var place = venue.FishForMessage<object>(m => m is PlaceOrder) as PlaceOrder;
        Assert.Equal(FirstOrder, place!.Request.ClientOrderId);
        trader.Tell(new OrderPlaced(Btc.Symbol, FirstOrder));
        return trader;
    }

    private async Task<long[]> JournaledFillSequences() =>
        (await JournalReader.EventsOf(Sys, JournalNames.Trader(TestRun.Id, Btc.Symbol))).OfType<FillApplied>()
            .Select(f => f.AccountFillSequence).ToArray();

    [Fact]
    public async Task The_order_is_journaled_before_it_is_sent()
    {
        StartTradingWithOneLiveOrder();

        var events = await JournalReader.EventsOf(Sys, JournalNames.Trader(TestRun.Id, Btc.Symbol));
        Assert.IsType<AccountOpened>(events[0]);
        Assert.Equal(FirstOrder, Assert.IsType<OrderSubmitted>(events[1]).ClientOrderId);
    }

    [Fact]
    public async Task A_fill_gap_triggers_an_account_sync_and_every_fill_is_applied_exactly_once()
    {
        var trader = StartTradingWithOneLiveOrder();

        trader.Tell(new AccountFillReport(Fill(2, 0.004m)));
        var sync = venue.FishForMessage<object>(m => m is SyncAccount) as SyncAccount;
        Assert.Equal(0, sync!.AfterFillSequence);
        Assert.Equal([FirstOrder], sync.BelievedLive);

        venue.Reply(new AccountSynced(Btc.Symbol, [Fill(1, 0.003m), Fill(2, 0.004m)],
            [new ExchangeOrderStatus(FirstOrder, Side.Buy, OrderType.Limit, 100m, 0.01m, 0.007m, ExchangeOrderState.Live)]));
        trader.Tell(new AccountFillReport(Fill(1, 0.003m)));
        trader.Tell(new AccountFillReport(Fill(2, 0.004m)));
        trader.Tell(new AccountFillReport(Fill(3, 0.003m)));

        await AwaitAssertAsync(async () => Assert.Equal(new long[] { 1, 2, 3 }, await JournaledFillSequences()));
        metrics.FishForMessage<object>(m => m is CountTrading { Counter: TradingCounter.OrdersFilled });
    }

    [Fact]
    public async Task A_restarted_trader_recovers_from_its_journal_and_syncs_from_its_last_fill()
    {
        var trader = StartTradingWithOneLiveOrder();
        trader.Tell(new AccountFillReport(Fill(1, 0.004m)));
        await AwaitAssertAsync(async () => Assert.Equal(new long[] { 1 }, await JournaledFillSequences()));

        Watch(trader);
        trader.Tell(Kill.Instance);
        ExpectTerminated(trader);
        StartTrader();

        var sync = venue.FishForMessage<object>(m => m is SyncAccount) as SyncAccount;
        Assert.Equal(1, sync!.AfterFillSequence);
        Assert.Equal([FirstOrder], sync.BelievedLive);
    }

    [Fact]
    public void Drain_cancels_live_orders_and_reports_when_none_is_left()
    {
        var trader = StartTradingWithOneLiveOrder();

        trader.Tell(StopTrading.Instance);
        var cancel = venue.FishForMessage<object>(m => m is CancelOrder) as CancelOrder;
        Assert.Equal(FirstOrder, cancel!.ClientOrderId);
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));

        trader.Tell(new AccountOrderCancelled(Btc.Symbol, FirstOrder, 0.01m, "cancelled on request", AccountFillSequence: 0));
        ExpectMsg<TraderDrained>(d => Assert.Equal(Btc.Symbol, d.Symbol));
    }

    [Fact]
    public async Task A_trader_restarted_after_the_drain_places_no_order()
    {
        var trader = StartTrader();
        venue.ExpectMsg<SyncAccount>();
        venue.Reply(new AccountSynced(Btc.Symbol, [], []));
        venue.ExpectMsg<SubscribeMarketData>();
        trader.Tell(StopTrading.Instance);
        ExpectMsg<TraderDrained>();

        Watch(trader);
        trader.Tell(Kill.Instance);
        ExpectTerminated(trader);
        var restarted = StartTrader();
        venue.ExpectMsg<SyncAccount>();
        venue.Reply(new AccountSynced(Btc.Symbol, [], []));
        venue.ExpectMsg<SubscribeMarketData>();
        // The strategy would place its order on the first decision with a market view (every 50 ms).
        restarted.Tell(new MarketDataSnapshot(Btc.Symbol, 1, Quote(), new DepthSnapshot(Btc.Symbol, [], [], TimeSpan.Zero)));
        venue.ExpectNoMsg(TimeSpan.FromMilliseconds(500));

        restarted.Tell(StopTrading.Instance);
        ExpectMsg<TraderDrained>();
        var events = await JournalReader.EventsOf(Sys, JournalNames.Trader(TestRun.Id, Btc.Symbol));
        Assert.Equal([typeof(AccountOpened), typeof(TradingStopped)], events.Select(e => e.GetType()));
    }

    [Fact]
    public void An_error_reply_to_a_market_data_fetch_is_an_api_error_with_the_venues_reason()
    {
        var fetching = Settings with { MarketDataFetchInterval = TimeSpan.FromMilliseconds(100) };
        Sys.ActorOf(TraderActor.Props(fetching, new ScriptedStrategy(), venue.Ref, metrics.Ref));
        venue.ExpectMsg<SyncAccount>();
        venue.Reply(new AccountSynced(Btc.Symbol, [], []));

        var fetch = venue.FishForMessage<object>(m => m is GetDepth or GetTicker);
        venue.Reply(new RequestFailed(Btc.Symbol, fetch.GetType().Name, "service unavailable"));

        var error = (ReportError)metrics.FishForMessage<object>(m => m is ReportError);
        Assert.Equal(ErrorKind.Api, error.Kind);
        Assert.Contains("service unavailable", error.Message);
    }

    [Fact]
    public void A_sequence_gap_on_the_stream_resubscribes_for_a_snapshot()
    {
        var trader = StartTradingWithOneLiveOrder();

        trader.Tell(new MarketDataUpdate(Btc.Symbol, 3, Quote(), new DepthSnapshot(Btc.Symbol, [], [], TimeSpan.Zero), []));

        venue.FishForMessage<object>(m => m is SubscribeMarketData);
        metrics.FishForMessage<object>(m => m is CountTrading { Counter: TradingCounter.StreamResyncs });
    }

    [Fact]
    public void A_silent_stream_is_reconnected_and_counted()
    {
        StartTradingWithOneLiveOrder();

        venue.FishForMessage<object>(m => m is UnsubscribeMarketData, TimeSpan.FromSeconds(5));
        venue.FishForMessage<object>(m => m is SubscribeMarketData);
        metrics.FishForMessage<object>(m => m is CountTrading { Counter: TradingCounter.WebsocketReconnects });
    }

    [Fact]
    public void An_unanswered_order_call_is_an_api_error_and_the_order_is_resent_under_the_same_id()
    {
        var trader = StartTrader();
        venue.ExpectMsg<SyncAccount>();
        venue.Reply(new AccountSynced(Btc.Symbol, [], []));
        trader.Tell(new MarketDataSnapshot(Btc.Symbol, 1, Quote(), new DepthSnapshot(Btc.Symbol, [], [], TimeSpan.Zero)));
        venue.FishForMessage<object>(m => m is PlaceOrder);

        // No reply: after the request timeout the trader asks the venue what it knows.
        metrics.FishForMessage<object>(m => m is ReportError { Kind: ErrorKind.Api }, TimeSpan.FromSeconds(5));
        var sync = venue.FishForMessage<object>(m => m is SyncAccount) as SyncAccount;
        Assert.Equal([FirstOrder], sync!.BelievedLive);
        venue.Reply(new AccountSynced(Btc.Symbol, [], []));

        var resent = venue.FishForMessage<object>(m => m is PlaceOrder) as PlaceOrder;
        Assert.Equal(FirstOrder, resent!.Request.ClientOrderId);
    }
}
