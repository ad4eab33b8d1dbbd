using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Tests.Monitoring;

public sealed class TradingActivityTrackerTests
{
    private static readonly Symbol Btc = new("BTC-USDT");
    private static readonly Symbol Eth = new("ETH-USDT");

    private static DateTimeOffset At(double seconds) => Readings.Start.AddSeconds(seconds);

    private static TradingActivityTracker Tracker(double speed = 1) => new([Btc, Eth], Readings.Start, speed);

    [Fact]
    public void Orders_and_fills_are_counted_per_symbol_and_other_counters_are_not_activity()
    {
        var tracker = Tracker();

        tracker.Record(Btc, TradingCounter.OrdersPlaced, 2, At(1));
        tracker.Record(Btc, TradingCounter.FillsApplied, 1, At(2));
        tracker.Record(Eth, TradingCounter.OrdersPlaced, 1, At(3));
        tracker.Record(Eth, TradingCounter.OrdersCancelled, 5, At(50));
        tracker.Record(Eth, TradingCounter.StreamResyncs, 1, At(55));

        var activity = tracker.Snapshot(At(60));
        Assert.Equal(
            [
                new SymbolActivity(Btc, 2, 1, TimeSpan.FromSeconds(58), new ActivitySpan(At(1), At(2), TimeSpan.FromSeconds(1))),
                new SymbolActivity(Eth, 1, 0, TimeSpan.FromSeconds(57), new ActivitySpan(At(3), At(3), TimeSpan.Zero)),
            ],
            activity.Symbols);
    }

    [Fact]
    public void The_longest_silence_is_the_longest_gap_between_activities_from_the_start()
    {
        var tracker = Tracker();

        foreach (var second in new[] { 5, 10, 40, 45 }) tracker.Record(Btc, TradingCounter.FillsApplied, 1, At(second));

        var btc = tracker.Snapshot(At(50)).Symbols.Single(s => s.Symbol == Btc);
        Assert.Equal(TimeSpan.FromSeconds(30), btc.LongestSilence);
        Assert.Equal(new ActivitySpan(At(5), At(45), TimeSpan.FromSeconds(30)), btc.Heard);
    }

    [Fact]
    public void The_span_heard_leaves_out_the_silences_before_the_first_activity_and_after_the_last()
    {
        var tracker = Tracker();

        foreach (var second in new[] { 30, 35, 42 }) tracker.Record(Btc, TradingCounter.OrdersPlaced, 1, At(second));
        tracker.Record(Btc, TradingCounter.FillsApplied, 1, At(33)); // stamped out of order: closes no silence

        var btc = tracker.Snapshot(At(100)).Symbols.Single(s => s.Symbol == Btc);
        Assert.Equal(new ActivitySpan(At(30), At(42), TimeSpan.FromSeconds(7)), btc.Heard);
        Assert.Equal(TimeSpan.FromSeconds(58), btc.LongestSilence);
    }

    [Fact]
    public void A_symbol_that_never_traded_is_listed_silent_for_the_whole_window()
    {
        var tracker = Tracker();
        tracker.Record(Btc, TradingCounter.OrdersPlaced, 1, At(1));

        var eth = tracker.Snapshot(At(90)).Symbols.Single(s => s.Symbol == Eth);

        Assert.Equal(new SymbolActivity(Eth, 0, 0, TimeSpan.FromSeconds(90)), eth);
    }

    [Fact]
    public void The_drain_after_the_end_of_trading_is_neither_activity_nor_silence()
    {
        var tracker = Tracker();
        tracker.Record(Btc, TradingCounter.OrdersPlaced, 1, At(58));
        tracker.Record(Eth, TradingCounter.OrdersPlaced, 1, At(59));

        tracker.Close(At(60));
        tracker.Record(Btc, TradingCounter.FillsApplied, 1, At(200));
        tracker.Close(At(300));
        var activity = tracker.Snapshot(At(400));

        Assert.Equal(TimeSpan.FromSeconds(60), activity.Window);
        Assert.Equal(new SymbolActivity(Btc, 1, 0, TimeSpan.FromSeconds(58), new ActivitySpan(At(58), At(58), TimeSpan.Zero)),
            activity.Symbols[0]);
    }

    [Fact]
    public void The_simulated_window_is_the_wall_window_times_the_speed()
    {
        var activity = Tracker(speed: 60).Snapshot(At(90));

        Assert.Equal(TimeSpan.FromSeconds(90), activity.Window);
        Assert.Equal(TimeSpan.FromMinutes(90), activity.SimulatedWindow);
    }

    [Fact]
    public void A_symbol_not_announced_at_the_start_is_tracked_from_its_first_activity_and_listed_in_order()
    {
        var tracker = Tracker();

        tracker.Record(new Symbol("ADA-USDT"), TradingCounter.OrdersPlaced, 1, At(20));

        var activity = tracker.Snapshot(At(30));
        Assert.Equal(["ADA-USDT", "BTC-USDT", "ETH-USDT"], activity.Symbols.Select(s => s.Symbol.Value));
        Assert.Equal(TimeSpan.FromSeconds(20), activity.Symbols[0].LongestSilence);
    }
}
