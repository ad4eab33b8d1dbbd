using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Primitives;
using static ContinuousOperation.Domain.Tests.Exchange.VenueFixture;

namespace ContinuousOperation.Domain.Tests.Exchange;

public sealed class SymbolVenueOrderTests
{
    private readonly SymbolVenue _venue = NewVenue();

    [Fact]
    public void New_venue_quotes_a_full_ladder_on_both_sides()
    {
        var depth = _venue.Depth(50);

        Assert.Equal(20, depth.Bids.Count);
        Assert.Equal(20, depth.Asks.Count);
        Assert.True(depth.Bids[0].Price < depth.Asks[0].Price);
        Assert.All(depth.Bids.Concat(depth.Asks), level => Assert.Equal(0m, level.Price % Btc.TickSize));
    }

    [Fact]
    public void Passive_limit_order_is_accepted_and_rests()
    {
        var price = _venue.Ticker().BestBid!.Value - 10 * Btc.TickSize;

        var outcome = _venue.Place(LimitOrder("a", Side.Buy, price, 0.5m));

        Assert.Equal(PlaceStatus.Accepted, outcome.Status);
        var accepted = Assert.IsType<ExchangeOrderAccepted>(Assert.Single(outcome.Events));
        Assert.Equal((Trader, new ClientOrderId("a"), price, 0.5m), (accepted.Account, accepted.ClientOrderId, accepted.LimitPrice, accepted.Quantity));
        Assert.Equal(new ExchangeOrderStatus(new ClientOrderId("a"), Side.Buy, OrderType.Limit, price, 0.5m, 0m, ExchangeOrderState.Live),
            _venue.OrderStatusOf(Trader, new ClientOrderId("a")));
    }

    [Fact]
    public void Crossing_limit_order_trades_as_taker_with_contiguous_ids_and_fees()
    {
        var ask = _venue.Depth(2).Asks;
        var quantity = ask[0].Quantity + 0.0001m;

        var outcome = _venue.Place(LimitOrder("a", Side.Buy, ask[1].Price, quantity));

        var trades = TradesExecuted.In(outcome.Events).ToList();
        Assert.IsType<ExchangeOrderAccepted>(outcome.Events[0]);
        Assert.Equal([1L, 2L], trades.Select(t => t.TradeId));
        Assert.Equal([ask[0].Price, ask[1].Price], trades.Select(t => t.Price));
        Assert.Equal([1L, 2L], trades.Select(t => t.Buyer.AccountFillSequence));
        Assert.All(trades, t =>
        {
            Assert.Equal(Side.Buy, t.Aggressor);
            Assert.Equal(Trader, t.Buyer.Account);
            Assert.Equal(AccountId.LiquidityProvider, t.Seller.Account);
            Assert.Equal(FillId.For(Btc.Symbol, t.TradeId, Side.Buy), t.Buyer.FillId);
            Assert.Equal(Fees.Fee(t.Price, t.Quantity, isMaker: false), t.Buyer.Fee);
            Assert.Equal(Fees.Fee(t.Price, t.Quantity, isMaker: true), t.Seller.Fee);
        });
        Assert.Equal(ExchangeOrderState.Filled, _venue.OrderStatusOf(Trader, new ClientOrderId("a"))!.State);
        Assert.Equal(2, _venue.LastTradeId);
    }

    [Fact]
    public void Market_order_larger_than_the_book_fills_what_is_there_and_cancels_the_rest()
    {
        var available = _venue.Depth(1000).Asks.Sum(level => level.Quantity);

        var outcome = _venue.Place(MarketOrder("m", Side.Buy, available + 1m));

        Assert.Equal(available, TradesExecuted.In(outcome.Events).Sum(t => t.Quantity));
        var cancelled = Assert.IsType<ExchangeOrderCancelled>(outcome.Events[^1]);
        Assert.Equal((1m, "no liquidity"), (cancelled.RemainingQuantity, cancelled.Reason));
        Assert.Equal(ExchangeOrderState.Cancelled, _venue.OrderStatusOf(Trader, new ClientOrderId("m"))!.State);
        Assert.Null(_venue.Ticker().BestAsk);
    }

    [Theory]
    [InlineData(OrderType.Limit, "60000", "0", "quantity")]
    [InlineData(OrderType.Limit, "60000", "-0.1", "quantity")]
    [InlineData(OrderType.Limit, "60000", "0.00005", "lot")]
    [InlineData(OrderType.Limit, null, "0.1", "limit price")]
    [InlineData(OrderType.Limit, "60000.05", "0.1", "tick")]
    [InlineData(OrderType.Limit, "0", "0.1", "positive")]
    [InlineData(OrderType.Market, null, "0.00001", "lot")]
    public void Invalid_requests_are_rejected_without_events(OrderType type, string? price, string quantity, string reasonMentions)
    {
        var request = new OrderRequest(Trader, new ClientOrderId("bad"), Side.Buy, type,
            price is null ? null : decimal.Parse(price), decimal.Parse(quantity));

        var outcome = _venue.Place(request);

        Assert.Equal(PlaceStatus.Rejected, outcome.Status);
        Assert.Empty(outcome.Events);
        Assert.Contains(reasonMentions, outcome.Reason);
        Assert.Null(_venue.OrderStatusOf(Trader, new ClientOrderId("bad")));
    }

    [Theory]
    [InlineData("liquidity-provider")]
    [InlineData("noise-taker")]
    public void Simulated_accounts_cannot_place_orders(string account)
    {
        var outcome = _venue.Place(LimitOrder("x", Side.Buy, 50_000m, 0.1m, new AccountId(account)));

        Assert.Equal(PlaceStatus.Rejected, outcome.Status);
    }

    [Fact]
    public void Placing_the_same_client_order_id_twice_creates_one_order()
    {
        var price = _venue.Ticker().BestBid!.Value - Btc.TickSize;
        _venue.Place(LimitOrder("a", Side.Buy, price, 0.1m));
        var bids = _venue.Depth(20).Bids;

        var again = _venue.Place(LimitOrder("a", Side.Buy, price, 0.1m));

        Assert.Equal(PlaceStatus.Duplicate, again.Status);
        Assert.Empty(again.Events);
        Assert.Equal(bids, _venue.Depth(20).Bids);
    }

    [Fact]
    public void Resending_a_filled_order_does_not_trade_again()
    {
        var first = _venue.Place(MarketOrder("m", Side.Sell, 0.01m));
        var lastTrade = _venue.LastTradeId;

        var again = _venue.Place(MarketOrder("m", Side.Sell, 0.01m));

        Assert.NotEmpty(TradesExecuted.In(first.Events));
        Assert.Equal(PlaceStatus.Duplicate, again.Status);
        Assert.Equal(lastTrade, _venue.LastTradeId);
    }

    [Fact]
    public void Cancel_of_a_live_order_reports_its_remaining_quantity()
    {
        var bid = _venue.Depth(1).Bids[0];
        _venue.Place(LimitOrder("a", Side.Sell, bid.Price, bid.Quantity + 0.3m));

        var outcome = _venue.Cancel(Trader, new ClientOrderId("a"));

        Assert.True(outcome.IsCancelled);
        var cancelled = Assert.IsType<ExchangeOrderCancelled>(Assert.Single(outcome.Events));
        Assert.Equal(0.3m, cancelled.RemainingQuantity);
        Assert.Equal((bid.Quantity, ExchangeOrderState.Cancelled),
            (_venue.OrderStatusOf(Trader, new ClientOrderId("a"))!.Filled, _venue.OrderStatusOf(Trader, new ClientOrderId("a"))!.State));
    }

    [Fact]
    public void Cancel_of_unknown_filled_or_cancelled_orders_produces_no_events()
    {
        _venue.Place(MarketOrder("filled", Side.Buy, 0.01m));
        _venue.Place(LimitOrder("cancelled", Side.Buy, 50_000m, 0.01m));
        _venue.Cancel(Trader, new ClientOrderId("cancelled"));

        foreach (var (id, reason) in new[] { ("unknown", "unknown"), ("filled", "filled"), ("cancelled", "cancelled") })
        {
            var outcome = _venue.Cancel(Trader, new ClientOrderId(id));
            Assert.False(outcome.IsCancelled);
            Assert.Empty(outcome.Events);
            Assert.Contains(reason, outcome.Reason);
        }
    }

    [Fact]
    public void Fills_since_returns_the_account_fills_after_a_sequence()
    {
        var ask = _venue.Depth(3).Asks;
        _venue.Place(LimitOrder("a", Side.Buy, ask[2].Price, ask[0].Quantity + ask[1].Quantity + 0.0001m));

        var fills = _venue.FillsSince(Trader, afterSequence: 1);

        Assert.Equal([2L, 3L], fills.Select(f => f.AccountFillSequence));
        Assert.Equal([ask[1].Price, ask[2].Price], fills.Select(f => f.Price));
        Assert.All(fills, f => Assert.Equal((new ClientOrderId("a"), Side.Buy), (f.ClientOrderId, f.Side)));
        Assert.Empty(_venue.FillsSince(AccountId.LiquidityProvider, 0));
    }

    [Fact]
    public void Trader_crossing_its_own_order_gets_two_consecutive_fills()
    {
        var ticker = _venue.Ticker();
        var insideSpread = ticker.BestAsk!.Value - Btc.TickSize;
        Assert.True(insideSpread > ticker.BestBid);
        _venue.Place(LimitOrder("resting-ask", Side.Sell, insideSpread, 0.01m));

        var trade = Assert.Single(TradesExecuted.In(_venue.Place(MarketOrder("own-buy", Side.Buy, 0.01m)).Events));

        Assert.Equal((Trader, Trader), (trade.Buyer.Account, trade.Seller.Account));
        Assert.Equal([1L, 2L], _venue.FillsSince(Trader, 0).Select(f => f.AccountFillSequence));
        Assert.Equal([Side.Buy, Side.Sell], _venue.FillsSince(Trader, 0).Select(f => f.Side));
    }

    [Fact]
    public void Close_reports_balances_and_live_trader_orders()
    {
        _venue.Place(MarketOrder("m", Side.Buy, 0.02m));
        _venue.Place(LimitOrder("live", Side.Buy, 50_000m, 0.01m));

        var closed = Assert.IsType<BookClosed>(Assert.Single(_venue.Close()));

        Assert.Equal([new ClientOrderId("live")], closed.LiveTraderOrders);
        var trader = Assert.Single(closed.Balances, b => b.Account == Trader);
        Assert.Equal(0.02m, trader.Position);
        Assert.Equal(0m, closed.Balances.Sum(b => b.Position));
        Assert.Equal(0m, closed.Balances.Sum(b => b.Cash + b.Fees));
    }
}
