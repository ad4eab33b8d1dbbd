using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Tests.Exchange;

/// <summary>Shared set-up for venue tests: BTC-USDT (tick 0.1, lot 0.0001) with the default fee schedule.</summary>
internal static class VenueFixture
{
    public static readonly Instrument Btc = InstrumentCatalog.For(new Symbol("BTC-USDT"));
    public static readonly AccountId Trader = AccountId.TraderFor(Btc.Symbol);
    public static readonly FeeSchedule Fees = FeeSchedule.Default;

    public static SymbolVenue NewVenue(int seed = 42, MarketCondition condition = MarketCondition.Mixed) =>
        new(Btc, new MarketSettings(condition), Fees, seed);

    public static OrderRequest LimitOrder(string id, Side side, decimal price, decimal quantity, AccountId? account = null) =>
        new(account ?? Trader, new ClientOrderId(id), side, OrderType.Limit, price, quantity);

    public static OrderRequest MarketOrder(string id, Side side, decimal quantity) =>
        new(Trader, new ClientOrderId(id), side, OrderType.Market, null, quantity);

    /// <summary>
    /// Advances the venue for <paramref name="duration"/> in one-second steps while a paper trader keeps orders working:
    /// every 10 s it alternates between a limit order a few ticks inside the touch (so that re-quotes trade through it),
    /// a market order, and cancelling its oldest open order. Returns every event the venue produced, in order.
    /// </summary>
    public static List<IExchangeEvent> RunWithTrader(SymbolVenue venue, TimeSpan duration, string idPrefix = "o")
    {
        var events = new List<IExchangeEvent>();
        // The run's limit orders, oldest first: the venue is fresh, so these are the only orders that can be open.
        var limitOrders = new Queue<ClientOrderId>();
        for (var second = 1; second <= (int)duration.TotalSeconds; second++)
        {
            events.AddRange(venue.Advance(TimeSpan.FromSeconds(1)));
            if (second % 10 != 0) continue;

            var id = $"{idPrefix}-{second}";
            var side = second % 20 == 0 ? Side.Buy : Side.Sell;
            var ticker = venue.Ticker();
            switch (second / 10 % 3)
            {
                case 0:
                    var price = side == Side.Buy ? ticker.BestBid!.Value + 2 * Btc.TickSize : ticker.BestAsk!.Value - 2 * Btc.TickSize;
                    events.AddRange(venue.Place(LimitOrder(id, side, price, 0.05m)).Events);
                    limitOrders.Enqueue(new ClientOrderId(id));
                    break;
                case 1:
                    events.AddRange(venue.Place(MarketOrder(id, side, 0.01m)).Events);
                    break;
                default:
                    // Orders found filled are dropped for good: a terminal order never becomes live again.
                    while (limitOrders.TryDequeue(out var oldest))
                    {
                        if (venue.OrderStatusOf(Trader, oldest)?.State != ExchangeOrderState.Live) continue;
                        events.AddRange(venue.Cancel(Trader, oldest).Events);
                        break;
                    }
                    break;
            }
        }

        return events;
    }
}
