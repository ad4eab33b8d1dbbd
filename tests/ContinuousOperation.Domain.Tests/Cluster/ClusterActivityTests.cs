using ContinuousOperation.Domain.Cluster;
using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Tests.Cluster;

/// <summary>Per-symbol trading activity merged over the nodes of a cluster run, each node tracking every symbol of the
/// run from its own start (a node started again is another node).</summary>
public sealed class ClusterActivityTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 1, 0, 0, TimeSpan.Zero);
    private static readonly Symbol Btc = new("BTC-USDT");
    private static readonly Symbol Eth = new("ETH-USDT");
    private static readonly Symbol[] RunSymbols = [Btc, Eth];
    private const double Speed = 2;

    private static DateTimeOffset At(double seconds) => T0.AddSeconds(seconds);

    /// <summary>A node that ran from <paramref name="fromSeconds"/> to <paramref name="toSeconds"/> (the end of trading
    /// if <paramref name="closed"/>, its last snapshot if it was killed) and placed an order and applied a fill for
    /// <paramref name="symbol"/> at each of <paramref name="heardAt"/>.</summary>
    private static NodeMetrics Node(string name, double fromSeconds, double toSeconds, Symbol symbol, double[] heardAt, bool closed = false)
    {
        var tracker = new TradingActivityTracker(RunSymbols, At(fromSeconds), Speed);
        foreach (var second in heardAt)
        {
            tracker.Record(symbol, TradingCounter.OrdersPlaced, 1, At(second));
            tracker.Record(symbol, TradingCounter.FillsApplied, 1, At(second));
        }

        if (closed) tracker.Close(At(toSeconds));
        return new NodeMetrics(name, new MetricsSnapshot(At(fromSeconds), TimeSpan.FromSeconds(toSeconds - fromSeconds),
            new Dictionary<TradingCounter, long>(), [], [], Activity: tracker.Snapshot(At(toSeconds))));
    }

    private static TradingActivity Merged(params NodeMetrics[] nodes) =>
        Assert.IsType<TradingActivity>(ClusterMetrics.Merge(nodes).Whole.Activity);

    [Fact]
    public void A_symbol_that_moved_between_nodes_was_silent_for_the_gap_between_them_not_for_what_each_node_missed()
    {
        // node-1 is killed at 55 s (quiet since 50 s); the symbol resumes on node-2, started at 60 s, at 70 s.
        var activity = Merged(
            Node("node-1", 0, 55, Btc, [2, 10, 20, 30, 40, 50]),
            Node("node-2", 60, 120, Btc, [70, 80, 90, 100, 110, 118], closed: true));

        var btc = activity.Symbols.Single(s => s.Symbol == Btc);
        Assert.Equal(TimeSpan.FromSeconds(20), btc.LongestSilence);
        Assert.Equal((12L, 12L), (btc.OrdersPlaced, btc.Fills));
        Assert.Equal(new ActivitySpan(At(2), At(118), TimeSpan.FromSeconds(20)), btc.Heard);
        Assert.Equal((TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(240)), (activity.Window, activity.SimulatedWindow));
    }

    [Fact]
    public void Overlapping_spans_are_activity_and_the_gap_runs_from_the_latest_end_of_those_before_it()
    {
        // node-2 heard the symbol inside node-1's span; node-3 took it over 15 s after node-1 last heard it.
        var btc = Merged(
                Node("node-1", 0, 62, Btc, [5, 15, 25, 35, 45, 55, 60]),
                Node("node-2", 18, 32, Btc, [20, 25, 30]),
                Node("node-3", 70, 100, Btc, [75, 80, 85, 90, 95], closed: true))
            .Symbols.Single(s => s.Symbol == Btc);

        Assert.Equal(TimeSpan.FromSeconds(15), btc.LongestSilence);
        Assert.Equal(new ActivitySpan(At(5), At(95), TimeSpan.FromSeconds(15)), btc.Heard);
    }

    [Fact]
    public void A_symbol_no_node_heard_is_silent_for_the_whole_run_and_one_heard_late_is_silent_from_the_runs_start()
    {
        var activity = Merged(
            Node("node-1", 0, 55, Btc, []),
            Node("node-2", 60, 120, Btc, [62, 70, 78, 86, 94, 102, 110, 118], closed: true));

        Assert.Equal(
            [
                new SymbolActivity(Btc, 8, 8, TimeSpan.FromSeconds(62), new ActivitySpan(At(62), At(118), TimeSpan.FromSeconds(8))),
                new SymbolActivity(Eth, 0, 0, TimeSpan.FromSeconds(120)),
            ],
            activity.Symbols);
    }

    [Fact]
    public void One_tracking_node_gives_what_its_tracker_gives_whatever_the_nodes_that_track_nothing()
    {
        var tracker = new TradingActivityTracker([Btc, Eth, new Symbol("SOL-USDT"), new Symbol("ADA-USDT")], At(0), Speed);
        void Heard(string symbol, params double[] seconds)
        {
            foreach (var second in seconds) tracker.Record(new Symbol(symbol), TradingCounter.OrdersPlaced, 1, At(second));
        }

        Heard("BTC-USDT", 25, 40, 55, 65); // quiet longest before its first order
        Heard("ETH-USDT", 5, 10, 40, 50, 60); // between orders
        Heard("SOL-USDT", 5, 10, 15); // after its last order, until the end of trading
        tracker.Close(At(70));
        var own = tracker.Snapshot(At(80));
        var control = new NodeMetrics("control", new MetricsSnapshot(At(-10), TimeSpan.FromSeconds(100),
            new Dictionary<TradingCounter, long>(), [], []));
        var node = new NodeMetrics("node-1", new MetricsSnapshot(At(0), TimeSpan.FromSeconds(80),
            new Dictionary<TradingCounter, long>(), [], [], Activity: own));

        var merged = Merged(control, node);

        Assert.Equal([70.0, 25, 30, 55], own.Symbols.Select(s => s.LongestSilence.TotalSeconds));
        Assert.Equal(own.Symbols, merged.Symbols);
        Assert.Equal((own.Window, own.SimulatedWindow), (merged.Window, merged.SimulatedWindow));
    }
}
