using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Primitives;
using static ContinuousOperation.Domain.Tests.Exchange.VenueFixture;

namespace ContinuousOperation.Domain.Tests.Exchange;

public sealed class SymbolVenueRecoveryTests
{
    private const int Seed = 31;
    private readonly SymbolVenue _live = NewVenue(Seed);
    private readonly List<IExchangeEvent> _journal;

    public SymbolVenueRecoveryTests()
    {
        _journal = RunWithTrader(_live, TimeSpan.FromMinutes(20));
        // Leave two orders resting, one of them partly filled, so the rebuilt book has something to restore.
        var bid = _live.Depth(1).Bids[0];
        _journal.AddRange(_live.Place(LimitOrder("partly-filled", Side.Sell, bid.Price, bid.Quantity + 0.2m)).Events);
        _journal.AddRange(_live.Place(LimitOrder("untouched", Side.Buy, bid.Price - 100m, 0.1m)).Events);
    }

    private SymbolVenue Recover(int incarnation = 1) =>
        SymbolVenue.Recover(Btc, new MarketSettings(), Fees, Seed, incarnation, _journal);

    [Fact]
    public void Recovered_ledger_equals_the_live_one()
    {
        var recovered = Recover();

        Assert.Equal(_live.LastTradeId, recovered.LastTradeId);
        Assert.Equal(_live.Balances(), recovered.Balances());
        Assert.Equal(_live.FillsSince(Trader, 0), recovered.FillsSince(Trader, 0));
        Assert.Equal(_live.Ticker().LastPrice, recovered.Ticker().LastPrice);
        Assert.Equal(_journal[^1].SimTime, recovered.SimTime);
        foreach (var id in _journal.OfType<ExchangeOrderAccepted>().Select(a => a.ClientOrderId))
            Assert.Equal(_live.OrderStatusOf(Trader, id), recovered.OrderStatusOf(Trader, id));
    }

    [Fact]
    public void Live_trader_orders_rest_again_with_their_remaining_quantity()
    {
        var recovered = Recover();

        var cancelled = recovered.Cancel(Trader, new ClientOrderId("partly-filled")).Events;

        Assert.Equal(0.2m, Assert.IsType<ExchangeOrderCancelled>(Assert.Single(cancelled)).RemainingQuantity);
        Assert.Equal(20, recovered.Depth(20).Bids.Count);
        Assert.Equal(20, recovered.Depth(20).Asks.Count);
    }

    [Fact]
    public void Recovered_venue_continues_trade_ids_and_fill_sequences_without_gaps()
    {
        var recovered = Recover();
        var lastSequence = _live.FillsSince(Trader, 0)[^1].AccountFillSequence;

        var trades = TradesExecuted.In(recovered.Place(MarketOrder("after-restart", Side.Buy, 0.01m)).Events).ToList();
        trades.AddRange(TradesExecuted.In(recovered.Advance(TimeSpan.FromMinutes(1))));

        Assert.Equal(_live.LastTradeId + 1, trades[0].TradeId);
        Assert.Equal(lastSequence + 1, trades[0].Buyer.AccountFillSequence);
        Assert.Equal(Enumerable.Range(1, trades.Count).Select(i => _live.LastTradeId + i), trades.Select(t => t.TradeId));
    }

    [Fact]
    public void Known_ids_stay_idempotent_after_recovery()
    {
        var recovered = Recover();
        var filled = _journal.OfType<ExchangeOrderAccepted>().First(a => a.Type == OrderType.Market);

        var outcome = recovered.Place(new OrderRequest(Trader, filled.ClientOrderId, filled.Side, filled.Type, null, filled.Quantity));

        Assert.Equal(PlaceStatus.Duplicate, outcome.Status);
    }

    [Fact]
    public void Same_incarnation_replays_the_same_future_and_a_new_one_differs()
    {
        var first = Recover(incarnation: 1).Advance(TimeSpan.FromMinutes(5));
        var again = Recover(incarnation: 1).Advance(TimeSpan.FromMinutes(5));
        var next = Recover(incarnation: 2).Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(first, again);
        Assert.NotEqual(first, next);
    }
}
