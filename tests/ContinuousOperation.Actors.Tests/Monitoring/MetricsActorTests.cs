using Akka.Actor;
using Akka.Configuration;
using Akka.TestKit;
using ContinuousOperation.Actors.Monitoring;
using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Primitives;
using Xunit.Abstractions;

namespace ContinuousOperation.Actors.Tests.Monitoring;

public sealed class MetricsActorTests(ITestOutputHelper output)
    : Akka.TestKit.Xunit2.TestKit(ConfigurationFactory.ParseString("akka.loglevel = INFO"), output: output)
{
    private static readonly TimeSpan Never = TimeSpan.FromDays(1);
    private static readonly Symbol Btc = new("BTC-USDT");
    private static readonly Symbol Eth = new("ETH-USDT");

    private static MetricsSettings Settings(
        TimeSpan? sampleInterval = null, TimeSpan? progressInterval = null, double memoryAlertMb = 1_000) =>
        new(sampleInterval ?? Never, progressInterval ?? Never, RunDuration: TimeSpan.FromHours(1), memoryAlertMb,
            CpuAlertThresholdPercent: 80);

    private IActorRef Start(MetricsSettings settings, TestProbe readings, params double[] workingSetsMb)
    {
        var metrics = Sys.ActorOf(MetricsActor.Props(settings, new ScriptedResourceProbe(readings, workingSetsMb)));
        readings.ExpectMsg<ReadingTaken>(r => r.Number == 0, TimeSpan.FromSeconds(5));
        return metrics;
    }

    [Fact]
    public void Trading_counters_add_up_in_the_snapshot()
    {
        var metrics = Start(Settings(), CreateTestProbe());

        metrics.Tell(new CountTrading(TradingCounter.OrdersPlaced));
        metrics.Tell(new CountTrading(TradingCounter.OrdersPlaced, 4));
        metrics.Tell(new CountTrading(TradingCounter.FillsApplied, 2));
        metrics.Tell(GetMetricsSnapshot.Instance);

        var snapshot = ExpectMsg<MetricsSnapshot>();
        Assert.Equal(5, snapshot.Counter(TradingCounter.OrdersPlaced));
        Assert.Equal(2, snapshot.Counter(TradingCounter.FillsApplied));
        Assert.Equal(0, snapshot.Counter(TradingCounter.OrdersCancelled));
    }

    [Fact]
    public void Orders_and_fills_reach_the_snapshot_per_symbol_and_a_symbol_that_never_traded_is_listed()
    {
        var metrics = Start(Settings() with { Symbols = [Btc, Eth] }, CreateTestProbe());

        metrics.Tell(new CountTrading(TradingCounter.OrdersPlaced, 3, Btc));
        metrics.Tell(new CountTrading(TradingCounter.FillsApplied, 2, Btc));
        metrics.Tell(new CountTrading(TradingCounter.OrdersPlaced));
        metrics.Tell(GetMetricsSnapshot.Instance);

        var snapshot = ExpectMsg<MetricsSnapshot>();
        Assert.Equal(4, snapshot.Counter(TradingCounter.OrdersPlaced));
        var activity = Assert.IsType<TradingActivity>(snapshot.Activity);
        Assert.Equal([(Btc, 3L, 2L), (Eth, 0L, 0L)], activity.Symbols.Select(s => (s.Symbol, s.OrdersPlaced, s.Fills)));
        Assert.Equal(activity.Window, activity.Symbols[1].LongestSilence);
        Assert.True(activity.Symbols[0].LongestSilence < activity.Window);
    }

    [Fact]
    public void Trading_after_the_end_of_trading_is_the_drain_and_leaves_the_activity_as_it_was()
    {
        // The scripted clock moves a minute per reading: the run starts at 0, the order at 1, the end of trading at 2.
        var metrics = Start(Settings() with { Symbols = [Btc], Speed = 60 }, CreateTestProbe());

        metrics.Tell(new CountTrading(TradingCounter.OrdersPlaced, 1, Btc));
        metrics.Tell(TradingEnded.Instance);
        metrics.Tell(new CountTrading(TradingCounter.OrdersPlaced, 5, Btc));
        metrics.Tell(GetMetricsSnapshot.Instance);

        var snapshot = ExpectMsg<MetricsSnapshot>();
        Assert.Equal(6, snapshot.Counter(TradingCounter.OrdersPlaced));
        var activity = Assert.IsType<TradingActivity>(snapshot.Activity);
        Assert.Equal((TimeSpan.FromMinutes(2), TimeSpan.FromHours(2)), (activity.Window, activity.SimulatedWindow));
        var heardAt = ScriptedResourceProbe.Start + ScriptedResourceProbe.ClockStep;
        Assert.Equal(new SymbolActivity(Btc, 1, 0, TimeSpan.FromMinutes(1), new ActivitySpan(heardAt, heardAt, TimeSpan.Zero)),
            Assert.Single(activity.Symbols));
    }

    [Fact]
    public void Reported_errors_are_logged_and_aggregated_by_kind_severity_and_source()
    {
        var metrics = Start(Settings(), CreateTestProbe());

        EventFilter.Error(contains: "trader-BTC-USDT").Expect(2, () =>
        {
            metrics.Tell(new ReportError(ErrorKind.Database, ErrorSeverity.Error, "trader-BTC-USDT", "persist failed"));
            metrics.Tell(new ReportError(ErrorKind.Database, ErrorSeverity.Error, "trader-BTC-USDT", "persist failed again"));
        });
        metrics.Tell(new ReportError(ErrorKind.Consistency, ErrorSeverity.Critical, "consistency", "lost fill"));
        metrics.Tell(GetMetricsSnapshot.Instance);

        var snapshot = ExpectMsg<MetricsSnapshot>();
        Assert.Equal(3, snapshot.TotalErrors);
        Assert.Equal(1, snapshot.CriticalErrors);
        var database = snapshot.Errors.Single(e => e.Kind == ErrorKind.Database);
        Assert.Equal(("trader-BTC-USDT", 2L, "persist failed again"), (database.Source, database.Count, database.LastMessage));
        Assert.True(database.FirstAt < database.LastAt);
    }

    [Fact]
    public void Resources_are_sampled_on_the_timer()
    {
        var readings = CreateTestProbe();
        var metrics = Start(Settings(sampleInterval: TimeSpan.FromMilliseconds(50)), readings);

        readings.ExpectMsg<ReadingTaken>(r => r.Number == 1, TimeSpan.FromSeconds(5));
        readings.ExpectMsg<ReadingTaken>(r => r.Number == 2, TimeSpan.FromSeconds(5));

        metrics.Tell(GetMetricsSnapshot.Instance);
        var snapshot = ExpectMsg<MetricsSnapshot>();
        Assert.True(snapshot.Samples.Count >= 3);
        Assert.Equal(snapshot.Samples.OrderBy(s => s.At), snapshot.Samples);
    }

    [Fact]
    public void The_snapshot_takes_a_final_sample_measured_against_the_previous_reading()
    {
        var readings = CreateTestProbe();
        var metrics = Start(Settings(), readings, 100, 300);

        metrics.Tell(GetMetricsSnapshot.Instance);

        var snapshot = ExpectMsg<MetricsSnapshot>();
        var sample = Assert.Single(snapshot.Samples);
        Assert.Equal(ScriptedResourceProbe.Start, snapshot.StartedAt);
        Assert.Equal(ScriptedResourceProbe.ClockStep, snapshot.Elapsed);
        Assert.Equal(300, sample.WorkingSetMb);
        Assert.Equal(64, sample.ManagedHeapMb);
        // 30 s of CPU in one minute of wall time on two cores.
        Assert.Equal(50, sample.CpuPercentOfCore, precision: 9);
        Assert.Equal(25, sample.CpuPercentOfMachine, precision: 9);
    }

    [Fact]
    public void A_progress_line_is_logged_with_elapsed_remaining_and_counters()
    {
        var readings = CreateTestProbe();

        // The scripted clock is read once at start and once per progress line, so the first line is at one minute.
        EventFilter.Info(contains: "Progress 0h01m00s elapsed, 0h59m00s remaining | errors 0 | orders 3 | fills 1").ExpectOne(() =>
        {
            var metrics = Sys.ActorOf(MetricsActor.Props(
                Settings(progressInterval: TimeSpan.FromMilliseconds(100)), new ScriptedResourceProbe(readings)));
            metrics.Tell(new CountTrading(TradingCounter.OrdersPlaced, 3));
            metrics.Tell(new CountTrading(TradingCounter.FillsApplied));
        });
    }

    [Fact]
    public void A_memory_anomaly_is_warned_once_per_crossing()
    {
        var metrics = Start(Settings(memoryAlertMb: 500), CreateTestProbe(), 100, 600, 700, 800, 200, 900);

        EventFilter.Warning(contains: "HighMemory").Expect(2, () =>
        {
            for (var i = 0; i < 5; i++)
            {
                metrics.Tell(GetMetricsSnapshot.Instance);
                ExpectMsg<MetricsSnapshot>();
            }
        });
    }
}
