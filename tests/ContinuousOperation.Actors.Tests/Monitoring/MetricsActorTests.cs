using Akka.Actor;
using Akka.Configuration;
using Akka.TestKit;
using ContinuousOperation.Actors.Monitoring;
using ContinuousOperation.Domain.Monitoring;
using Xunit.Abstractions;

namespace ContinuousOperation.Actors.Tests.Monitoring;

public sealed class MetricsActorTests(ITestOutputHelper output)
    : Akka.TestKit.Xunit2.TestKit(ConfigurationFactory.ParseString("akka.loglevel = INFO"), output: output)
{
    private static readonly TimeSpan Never = TimeSpan.FromDays(1);

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
