using Akka.Actor;
using ContinuousOperation.Actors.Exchange;
using ContinuousOperation.Actors.Tests.Support;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Primitives;
using static ContinuousOperation.Actors.Tests.Exchange.ExchangeFixture;

namespace ContinuousOperation.Actors.Tests.Exchange;

public class OrderBookActorTests : SqliteTestKit
{
    private readonly IActorRef exchange;

    public OrderBookActorTests() => exchange = Sys.ActorOf(Seam(Settings(), CreateTestProbe().Ref), "exchange");

    private MarketDataUpdate FirstUpdate()
    {
        exchange.Tell(new SubscribeMarketData(Btc.Symbol));
        var update = FishForMessage<object>(m => m is MarketDataUpdate or MarketDataSnapshot);
        exchange.Tell(new UnsubscribeMarketData(Btc.Symbol));
        return update as MarketDataUpdate ?? ToUpdate((MarketDataSnapshot)update);
    }

    private static MarketDataUpdate ToUpdate(MarketDataSnapshot s) => new(s.Symbol, s.Sequence, s.Ticker, s.Depth, []);

    private static PlaceOrder Limit(string id, Side side, decimal price, decimal quantity) =>
        new(Btc.Symbol, new OrderRequest(Trader, new ClientOrderId(id), side, OrderType.Limit, price, quantity));

    [Fact]
    public void A_crossing_order_is_acknowledged_then_filled_with_contiguous_account_fill_sequences()
    {
        exchange.Tell(new SyncAccount(Btc.Symbol, Trader, 0, []));
        ExpectMsg<AccountSynced>();
        var ask = FirstUpdate().Ticker.BestAsk!.Value;

        // Priced well through the touch: it sweeps several liquidity levels.
        exchange.Tell(Limit("o-1", Side.Buy, Btc.RoundToTick(ask * 1.01m), 0.05m));

        FishForMessage<object>(m => m is OrderPlaced p && p.ClientOrderId.Value == "o-1");
        var fills = new List<AccountFill>();
        FishForMessage<object>(m =>
        {
            if (m is AccountFillReport report) fills.Add(report.Fill);
            return fills.Sum(f => f.Quantity) == 0.05m;
        });
        Assert.Equal(Enumerable.Range(1, fills.Count).Select(i => (long)i), fills.Select(f => f.AccountFillSequence));
        Assert.All(fills, f => Assert.Equal(Side.Buy, f.Side));
    }

    [Fact]
    public void Placing_the_same_client_order_id_twice_places_one_order()
    {
        exchange.Tell(new SyncAccount(Btc.Symbol, Trader, 0, []));
        ExpectMsg<AccountSynced>();
        var farBid = Btc.RoundToTick(FirstUpdate().Ticker.BestBid!.Value * 0.5m);

        exchange.Tell(Limit("o-1", Side.Buy, farBid, 0.01m));
        exchange.Tell(Limit("o-1", Side.Buy, farBid, 0.01m));
        FishForMessage<object>(m => m is OrderPlaced);
        FishForMessage<object>(m => m is OrderPlaced);

        exchange.Tell(new CancelOrder(Btc.Symbol, Trader, new ClientOrderId("o-1")));
        var cancelled = FishForMessage<object>(m => m is AccountOrderCancelled);
        Assert.Equal(0.01m, ((AccountOrderCancelled)cancelled).RemainingQuantity);

        // A second order under the same id would still be cancellable.
        exchange.Tell(new CancelOrder(Btc.Symbol, Trader, new ClientOrderId("o-1")));
        FishForMessage<object>(m => m is CancelRejected);
    }

    [Fact]
    public async Task A_crashed_book_is_restarted_and_recovers_live_orders_from_its_journal()
    {
        exchange.Tell(new SyncAccount(Btc.Symbol, Trader, 0, []));
        ExpectMsg<AccountSynced>();
        var farBid = Btc.RoundToTick(FirstUpdate().Ticker.BestBid!.Value * 0.5m);
        exchange.Tell(Limit("resting", Side.Buy, farBid, 0.02m));
        FishForMessage<object>(m => m is OrderPlaced);

        var book = await BookOf(Sys, exchange).ResolveOne(TimeSpan.FromSeconds(3));
        Watch(book);
        book.Tell(Kill.Instance);

        // The dying book closes the account channel of its owner (this test), then terminates.
        ExpectMsg<AccountChannelClosed>();
        ExpectTerminated(book);

        await AwaitAssertAsync(async () =>
        {
            var synced = await exchange.Ask<AccountSynced>(
                new SyncAccount(Btc.Symbol, Trader, 0, [new ClientOrderId("resting")]), TimeSpan.FromMilliseconds(500));
            var status = Assert.Single(synced.Statuses);
            Assert.Equal(ExchangeOrderState.Live, status.State);
            Assert.Equal(0.02m, status.Remaining);
        }, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100));
        Assert.NotEqual(book, await BookOf(Sys, exchange).ResolveOne(TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public void The_stream_has_contiguous_sequence_numbers_and_twenty_levels_per_side()
    {
        exchange.Tell(new SubscribeMarketData(Btc.Symbol));
        var updates = Enumerable.Range(0, 30).Select(_ => FishForMessage<object>(m => m is MarketDataUpdate))
            .Cast<MarketDataUpdate>().ToArray();

        Assert.Equal(Enumerable.Range(0, 30).Select(i => updates[0].Sequence + i), updates.Select(u => u.Sequence));
        Assert.All(updates, u =>
        {
            Assert.Equal(20, u.Depth.Bids.Count);
            Assert.Equal(20, u.Depth.Asks.Count);
            Assert.True(u.Ticker.BestBid < u.Ticker.BestAsk);
        });
    }

    [Fact]
    public async Task Ticker_and_depth_requests_are_answered_by_the_symbols_book()
    {
        var ticker = await exchange.Ask<TickerReply>(new GetTicker(Btc.Symbol), TimeSpan.FromSeconds(3));
        var depth = await exchange.Ask<DepthReply>(new GetDepth(Btc.Symbol, 5), TimeSpan.FromSeconds(3));

        Assert.Equal(Btc.Symbol, ticker.Ticker.Symbol);
        Assert.Equal(5, depth.Depth.Bids.Count);
        Assert.True(depth.Depth.Bids[0].Price < depth.Depth.Asks[0].Price);
    }
}
