using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Domain.Tests.Run;

public class ReadinessGateTests
{
    private static readonly Symbol Btc = new("BTC-USDT");
    private static readonly Symbol Eth = new("ETH-USDT");
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 20, 0, 0, TimeSpan.Zero);

    private static EntityRecovered Up(EntityKind kind, Symbol symbol) => new(kind, symbol, Now);

    [Fact]
    public void The_gate_opens_only_when_every_book_and_every_trader_is_up()
    {
        var gate = new ReadinessGate([Btc, Eth]);

        Assert.False(gate.Observe(Up(EntityKind.OrderBook, Btc)));
        Assert.False(gate.Observe(Up(EntityKind.Trader, Btc)));
        Assert.False(gate.Observe(Up(EntityKind.OrderBook, Eth)));
        Assert.False(gate.IsOpen);

        Assert.True(gate.Observe(Up(EntityKind.Trader, Eth)));
        Assert.True(gate.IsOpen);
    }

    [Fact]
    public void Announcements_again_or_of_other_symbols_neither_open_nor_reopen_it()
    {
        var gate = new ReadinessGate([Btc]);

        Assert.False(gate.Observe(Up(EntityKind.OrderBook, Btc)));
        Assert.False(gate.Observe(Up(EntityKind.OrderBook, Btc)));
        Assert.False(gate.Observe(Up(EntityKind.Trader, Eth)));
        Assert.False(gate.IsOpen);

        Assert.True(gate.Observe(Up(EntityKind.Trader, Btc)));
        Assert.False(gate.Observe(Up(EntityKind.Trader, Btc)));
        Assert.True(gate.IsOpen);
    }
}
