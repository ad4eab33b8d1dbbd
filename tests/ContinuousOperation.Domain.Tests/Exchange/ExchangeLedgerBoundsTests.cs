using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Primitives;
using static ContinuousOperation.Domain.Tests.Exchange.VenueFixture;

namespace ContinuousOperation.Domain.Tests.Exchange;

/// <summary>A 24-hour run must not grow the ledger with the number of orders and fills it has seen.</summary>
public sealed class ExchangeLedgerBoundsTests
{
    private readonly ExchangeLedger _ledger = new();

    [Fact]
    public void Only_the_most_recent_terminal_orders_are_remembered()
    {
        const int orders = ExchangeLedger.RecentTerminalOrders + 5;
        for (var i = 1; i <= orders; i++)
        {
            _ledger.Apply(new ExchangeOrderAccepted(Btc.Symbol, Trader, Id(i), Side.Buy, OrderType.Limit, 100m, 1m, TimeSpan.Zero));
            _ledger.Apply(new ExchangeOrderCancelled(Btc.Symbol, Trader, Id(i), 1m, "test", TimeSpan.Zero));
        }

        Assert.Null(_ledger.StatusOf(new OrderKey(Trader, Id(5))));
        Assert.Equal(ExchangeOrderState.Cancelled, _ledger.StatusOf(new OrderKey(Trader, Id(6)))!.State);
        Assert.Equal(ExchangeOrderState.Cancelled, _ledger.StatusOf(new OrderKey(Trader, Id(orders)))!.State);
    }

    [Fact]
    public void Only_the_most_recent_fills_per_account_are_kept_while_sequences_keep_counting()
    {
        const int trades = ExchangeLedger.RecentFillsPerAccount + 3;
        for (var i = 1; i <= trades; i++)
        {
            var buyer = new TradeLeg(Trader, Id(1), FillId.For(Btc.Symbol, i, Side.Buy), i, Fee: 0m, IsMaker: true);
            var seller = new TradeLeg(AccountId.NoiseTaker, Id(0), FillId.For(Btc.Symbol, i, Side.Sell), i, Fee: 0m, IsMaker: false);
            _ledger.Apply(new TradeExecuted(Btc.Symbol, i, 100m, 1m, buyer, seller, Side.Sell, TimeSpan.Zero));
        }

        var fills = _ledger.FillsSince(Trader, afterSequence: 0);

        Assert.Equal(ExchangeLedger.RecentFillsPerAccount, fills.Count);
        Assert.Equal(4, fills[0].AccountFillSequence);
        Assert.Equal(trades + 1, _ledger.NextFillSequence(Trader));
        Assert.Equal(trades, _ledger.Balances().Single(b => b.Account == Trader).Position);
    }

    private static ClientOrderId Id(int i) => new($"o-{i}");
}
