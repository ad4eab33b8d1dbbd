using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Tests.Exchange;

/// <summary>The venue's private channel to paper traders, with owners as plain names.</summary>
public sealed class AccountChannelTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private static readonly Symbol Btc = new("BTC-USDT");
    private static readonly AccountId Trader = AccountId.TraderFor(Btc);
    private static readonly AccountId OtherTrader = AccountId.TraderFor(new Symbol("ETH-USDT"));

    private static TradeExecuted Trade(long id, AccountId buyer, AccountId seller) => new(
        Btc, id, 3_000m, 0.5m,
        new TradeLeg(buyer, new ClientOrderId($"b{id}"), FillId.For(Btc, id, Side.Buy), id, 0.1m, IsMaker: true),
        new TradeLeg(seller, new ClientOrderId($"s{id}"), FillId.For(Btc, id, Side.Sell), id, 0.2m, IsMaker: false),
        Side.Sell, TimeSpan.FromMinutes(id));

    private static IExchangeEvent Trades(params TradeExecuted[] trades) => new TradesExecuted(Btc, trades);

    private static ExchangeOrderCancelled Cancel(AccountId account) =>
        new(Btc, account, new ClientOrderId("c1"), 0.25m, "cancelled on request", TimeSpan.FromMinutes(9));

    private static long LastFill(AccountId account) => account == Trader ? 41 : 7;

    private static AccountChannel<string> Owned(params (AccountId Account, string Owner)[] owners)
    {
        var channel = new AccountChannel<string>();
        foreach (var (account, owner) in owners) channel.Register(account, owner);
        return channel;
    }

    private static IReadOnlyList<(string Owner, AccountPush Push)> Announce(AccountChannel<string> channel, params IExchangeEvent[] events) =>
        channel.Announce(events, LastFill, T0).Deliveries;

    [Fact]
    public void Each_paper_trader_fill_goes_to_its_owner_buyer_leg_first_and_other_participants_are_not_told()
    {
        var channel = Owned((Trader, "alice"), (OtherTrader, "bob"));

        var sent = Announce(channel,
            Trades(Trade(1, Trader, AccountId.LiquidityProvider), Trade(2, AccountId.NoiseTaker, AccountId.LiquidityProvider)),
            Trades(Trade(3, OtherTrader, Trader)));

        Assert.Equal(["alice", "bob", "alice"], sent.Select(s => s.Owner));
        var fills = sent.Select(s => Assert.IsType<FillPush>(s.Push).Fill).ToList();
        Assert.Equal([(Trader, Side.Buy, 1L), (OtherTrader, Side.Buy, 3L), (Trader, Side.Sell, 3L)],
            fills.Select(f => (f.Account, f.Side, f.AccountFillSequence)));
        Assert.Equal(0.2m, fills[2].Fee);
    }

    [Fact]
    public void A_cancel_of_a_paper_trader_order_carries_the_accounts_last_fill_sequence()
    {
        var channel = Owned((Trader, "alice"));

        var sent = Announce(channel, Cancel(Trader), Cancel(AccountId.LiquidityProvider));

        var (owner, push) = Assert.Single(sent);
        Assert.Equal("alice", owner);
        var cancel = Assert.IsType<CancelPush>(push);
        Assert.Equal(41, cancel.AccountFillSequence);
        Assert.Equal(0.25m, cancel.Cancel.RemainingQuantity);
    }

    [Fact]
    public void An_account_nobody_synced_is_not_told_and_the_last_to_sync_owns_it()
    {
        var channel = new AccountChannel<string>();
        Assert.Empty(Announce(channel, Trades(Trade(1, Trader, AccountId.LiquidityProvider))));

        Assert.Null(channel.Register(Trader, "alice"));
        Assert.Null(channel.Register(Trader, "alice"));
        Assert.Equal("alice", channel.Register(Trader, "carol"));

        Assert.Equal("carol", Assert.Single(Announce(channel, Cancel(Trader))).Owner);
    }

    [Fact]
    public void An_owner_that_stopped_is_forgotten_for_every_account_it_held()
    {
        var channel = Owned((Trader, "alice"), (OtherTrader, "alice"));

        channel.Remove("alice");

        Assert.Empty(channel.Owners);
        Assert.Empty(Announce(channel, Trades(Trade(1, Trader, OtherTrader))));
    }

    [Fact]
    public void A_dropped_push_is_reported_as_the_fault_taking_effect_and_the_next_goes_through()
    {
        var channel = Owned((Trader, "alice"));
        Assert.Null(channel.Arm(7, FaultKind.StreamDrop, TimeSpan.Zero, T0).AppliedNow);

        var output = channel.Announce([Trades(Trade(1, Trader, AccountId.LiquidityProvider), Trade(2, Trader, AccountId.LiquidityProvider))], LastFill, T0);

        Assert.Equal([7], output.FaultsApplied);
        Assert.Equal([2L], output.Deliveries.Select(d => ((FillPush)d.Push).Fill.AccountFillSequence));
    }

    [Fact]
    public void Heartbeats_carry_each_accounts_last_fill_sequence_and_stop_while_the_channel_is_silenced()
    {
        var channel = Owned((Trader, "alice"), (OtherTrader, "bob"));
        Assert.Equal([("alice", 41L), ("bob", 7L)], channel.Heartbeats(LastFill, T0));

        var (applied, disconnected) = channel.Arm(8, FaultKind.StreamSilence, TimeSpan.FromSeconds(10), T0);

        Assert.Equal(8, applied);
        Assert.Empty(disconnected);
        Assert.Empty(channel.Heartbeats(LastFill, T0.AddSeconds(5)));
        Assert.Empty(Announce(channel, Cancel(Trader)));
        Assert.Equal(8, channel.SilencedBy(T0.AddSeconds(5)));
        Assert.Null(channel.SilencedBy(T0.AddSeconds(10)));
        Assert.Equal(2, channel.Heartbeats(LastFill, T0.AddSeconds(10)).Count);
    }

    [Fact]
    public void A_disconnect_takes_effect_at_once_closes_every_owners_channel_and_forgets_them()
    {
        var channel = Owned((Trader, "alice"), (OtherTrader, "bob"));

        var (applied, disconnected) = channel.Arm(9, FaultKind.StreamDisconnect, TimeSpan.Zero, T0);

        Assert.Equal(9, applied);
        Assert.Equal(["alice", "bob"], disconnected.Order());
        Assert.Empty(channel.Owners);
        Assert.Empty(channel.Heartbeats(LastFill, T0));
        Assert.Null(channel.Arm(9, FaultKind.StreamDisconnect, TimeSpan.Zero, T0).AppliedNow);
    }
}
