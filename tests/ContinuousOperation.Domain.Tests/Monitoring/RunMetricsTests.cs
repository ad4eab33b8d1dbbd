using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Primitives;
using static ContinuousOperation.Domain.Tests.Monitoring.Readings;

namespace ContinuousOperation.Domain.Tests.Monitoring;

public sealed class RunMetricsTests
{
    private const long Mb = 1024 * 1024;
    private static readonly Symbol Btc = new("BTC-USDT");
    private static readonly Symbol Eth = new("ETH-USDT");

    private static RunMetrics Metrics() => new(
        At(TimeSpan.Zero, workingSetBytes: 50 * Mb), TimeSpan.FromHours(1), [Btc, Eth], speed: 10, ["round-trip"],
        new ErrorLog(), new BoundedSeries<ResourceSample>(100), new AnomalyDetector(memoryThresholdMb: 100, cpuThresholdPercent: 90));

    private static ErrorRecord Error(ErrorSeverity severity) =>
        new(Start, ErrorKind.Api, severity, "trader-BTC-USDT", "timed out");

    [Fact]
    public void Counters_add_up_per_counter_and_a_symbols_counts_go_to_its_activity()
    {
        var metrics = Metrics();

        metrics.Count(TradingCounter.OrdersPlaced, 2, Btc, Start.AddSeconds(1));
        metrics.Count(TradingCounter.OrdersPlaced, 3);
        metrics.Count(TradingCounter.FillsApplied, 1, Btc, Start.AddSeconds(3));
        var counters = metrics.Counters;
        metrics.Count(TradingCounter.OrdersPlaced, 100, Eth, Start.AddSeconds(4));

        Assert.Equal(5, counters[TradingCounter.OrdersPlaced]);
        Assert.Equal(1, counters[TradingCounter.FillsApplied]);
        var btc = metrics.Snapshot().Activity!.Symbols.Single(s => s.Symbol == Btc);
        Assert.Equal((2L, 1L), (btc.OrdersPlaced, btc.Fills));
    }

    [Fact]
    public void The_live_figures_are_the_counts_so_far_with_the_time_left_and_the_p99_of_the_named_latency()
    {
        var metrics = Metrics();
        Assert.Null(metrics.Live(Start, faultsInEffect: 0, "round-trip").OrderRoundTripP99Ms);

        metrics.Count(TradingCounter.OrdersPlaced, 7, Btc, Start);
        metrics.Count(TradingCounter.FillsApplied, 4, Btc, Start);
        metrics.RecordError(Error(ErrorSeverity.Error));
        metrics.FaultInjected();
        foreach (var ms in Enumerable.Range(1, 100)) metrics.RecordLatency("round-trip", ms);

        var live = metrics.Live(Start.AddMinutes(5), faultsInEffect: 1, "round-trip");
        Assert.Equal(new LiveFigures(TimeSpan.FromMinutes(5), TimeSpan.FromHours(1), 7, 4, 1, 1, 1, live.OrderRoundTripP99Ms), live);
        Assert.InRange(live.OrderRoundTripP99Ms!.Value, 95, 100);
        Assert.Null(metrics.Live(Start, 0, "not-an-instrument").OrderRoundTripP99Ms);
    }

    [Fact]
    public void A_sample_covers_the_interval_since_the_previous_reading_and_carries_the_counts_so_far()
    {
        var metrics = Metrics();
        metrics.Count(TradingCounter.OrdersPlaced, 7, Btc, Start);
        metrics.Count(TradingCounter.FillsApplied, 4, Btc, Start);
        metrics.RecordError(Error(ErrorSeverity.Error));
        metrics.RecordError(Error(ErrorSeverity.Injected));
        metrics.FaultInjected();

        var (first, _) = metrics.Sample(At(TimeSpan.FromSeconds(10), processorTime: TimeSpan.FromSeconds(10)), busiestMailbox: 12);
        var (second, _) = metrics.Sample(At(TimeSpan.FromSeconds(20), processorTime: TimeSpan.FromSeconds(10)), busiestMailbox: 0);

        Assert.Equal(TimeSpan.FromSeconds(10), first.Elapsed);
        Assert.Equal(50, first.CpuPercentOfMachine, precision: 3); // 10 s of CPU over 10 s on 2 processors
        Assert.Equal(0, second.CpuPercentOfMachine, precision: 3);  // from the previous reading, not from the start
        Assert.Equal(12, first.BusiestMailbox);
        Assert.Equal(new ActivityCounts(7, 4, Errors: 1, FaultsInjected: 1), first.Activity);
        Assert.Equal([first, second], metrics.Snapshot().Samples);
    }

    [Fact]
    public void A_sample_above_the_memory_threshold_raises_an_alert_once_it_crosses()
    {
        var metrics = Metrics();

        var (_, below) = metrics.Sample(At(TimeSpan.FromSeconds(10), workingSetBytes: 80 * Mb), 0);
        var (_, crossing) = metrics.Sample(At(TimeSpan.FromSeconds(20), workingSetBytes: 150 * Mb), 0);

        Assert.Empty(below);
        Assert.Equal(AnomalyKind.HighMemory, Assert.Single(crossing).Kind);
    }

    [Fact]
    public void The_progress_line_shows_the_time_run_and_left_the_counts_and_the_latest_memory()
    {
        var metrics = Metrics();
        metrics.Count(TradingCounter.OrdersPlaced, 3, Btc, Start);
        metrics.RecordError(Error(ErrorSeverity.Critical));
        metrics.Sample(At(TimeSpan.FromMinutes(1), workingSetBytes: 64 * Mb), 0);

        var line = metrics.Progress(Start.AddMinutes(15));

        Assert.Equal(new ProgressLine("0h15m00s", "0h45m00s", 1, 3, 0, 64, line.CpuPercent), line);
    }

    [Fact]
    public void The_snapshot_is_as_of_the_latest_sample_with_latencies_errors_and_the_trading_window()
    {
        var metrics = Metrics();
        metrics.RecordLatency("round-trip", 4);
        metrics.RecordLatency("round-trip", 6);
        metrics.RecordError(Error(ErrorSeverity.Error));
        metrics.TradingEnded(Start.AddMinutes(30));
        metrics.Sample(At(TimeSpan.FromMinutes(40)), 0);

        var snapshot = metrics.Snapshot();

        Assert.Equal(Start, snapshot.StartedAt);
        Assert.Equal(TimeSpan.FromMinutes(40), snapshot.Elapsed);
        Assert.Equal(TimeSpan.FromHours(1), snapshot.RunDuration);
        Assert.Equal(2, snapshot.Latencies!["round-trip"].Count);
        Assert.Equal(1, Assert.Single(snapshot.Errors).Count);
        Assert.Equal(TimeSpan.FromMinutes(30), snapshot.Activity!.Window);
    }
}
