using System.Diagnostics.Metrics;
using System.Text.Json;
using Akka.Actor;
using Akka.Configuration;
using Akka.TestKit;
using ContinuousOperation.Actors.Diagnostics;
using ContinuousOperation.Actors.Faults;
using ContinuousOperation.Actors.Monitoring;
using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Primitives;
using Xunit.Abstractions;

namespace ContinuousOperation.Actors.Tests.Monitoring;

/// <summary>What the metrics actor publishes beyond its snapshot: the samples file, the meter, latencies, faults.</summary>
public sealed class MetricsActorOutputTests(ITestOutputHelper output)
    : Akka.TestKit.Xunit2.TestKit(ConfigurationFactory.ParseString("akka.loglevel = INFO"), output: output)
{
    private static readonly TimeSpan Never = TimeSpan.FromDays(1);
    private static readonly Symbol Eth = new("ETH-USDT");
    private readonly string folder = Directory.CreateTempSubdirectory("metrics-").FullName;

    private static MetricsSettings Settings(string? samplesFile = null) =>
        new(Never, Never, TimeSpan.FromHours(1), 1_000, 80, SamplesFile: samplesFile);

    private IActorRef Start(TestProbe readings, string? samplesFile = null, params double[] workingSetsMb) =>
        Start(Settings(samplesFile), readings, workingSetsMb);

    private IActorRef Start(MetricsSettings settings, TestProbe readings, params double[] workingSetsMb)
    {
        var metrics = Sys.ActorOf(MetricsActor.Props(settings, new ScriptedResourceProbe(readings, workingSetsMb)));
        readings.ExpectMsg<ReadingTaken>(r => r.Number == 0, TimeSpan.FromSeconds(5));
        return metrics;
    }

    [Fact]
    public void Every_sample_is_appended_to_the_samples_file_as_one_snake_case_json_line()
    {
        var path = Path.Combine(folder, "samples.ndjson");
        var metrics = Start(CreateTestProbe(), path, 100, 120, 140);
        metrics.Tell(new CountTrading(TradingCounter.OrdersPlaced, 3));

        for (var i = 0; i < 2; i++)
        {
            metrics.Tell(GetMetricsSnapshot.Instance);
            ExpectMsg<MetricsSnapshot>();
        }

        // The file is flushed per sample, so it is complete while the actor still runs (as after a kill).
        var lines = File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal([120.0, 140.0], lines.Select(l => l.GetProperty("working_set_mb").GetDouble()));
        Assert.Equal(3, lines[1].GetProperty("activity").GetProperty("orders_placed").GetInt64());
        Assert.Equal(120, lines[1].GetProperty("elapsed_seconds").GetDouble());
    }

    [Fact]
    public void An_unwritable_samples_file_is_warned_about_and_the_series_is_still_kept()
    {
        var path = Path.Combine(folder, "missing-folder", "samples.ndjson");

        IActorRef metrics = ActorRefs.Nobody;
        EventFilter.Warning(contains: "cannot be opened").ExpectOne(() => metrics = Start(CreateTestProbe(), path));
        metrics.Tell(GetMetricsSnapshot.Instance);

        Assert.Single(ExpectMsg<MetricsSnapshot>().Samples);
    }

    [Fact]
    public void Injected_faults_are_counted_in_the_activity_of_each_sample()
    {
        var metrics = Start(CreateTestProbe());

        metrics.Tell(new FaultInEffect(1, FaultKind.TraderCrash, Eth));
        metrics.Tell(new FaultInEffect(2, FaultKind.StreamDrop, Eth));
        metrics.Tell(new ReportError(ErrorKind.Database, ErrorSeverity.Error, "trader-BTC-USDT", "persist failed"));
        metrics.Tell(GetMetricsSnapshot.Instance);

        var activity = Assert.Single(ExpectMsg<MetricsSnapshot>().Samples).Activity;
        Assert.Equal(new ActivityCounts(OrdersPlaced: 0, FillsApplied: 0, Errors: 1, FaultsInjected: 2), activity);
    }

    [Fact]
    public void Errors_in_the_scope_of_an_injected_fault_are_recorded_as_injected_and_do_not_count_against_the_run()
    {
        var metrics = Start(CreateTestProbe());

        metrics.Tell(new FaultInEffect(1, FaultKind.RequestTimeout, Eth));
        metrics.Tell(new ReportError(ErrorKind.Api, ErrorSeverity.Error, "trader-ETH-USDT", "no reply"));
        metrics.Tell(new ReportError(ErrorKind.Api, ErrorSeverity.Error, "trader-BTC-USDT", "no reply"));
        metrics.Tell(GetMetricsSnapshot.Instance);

        var snapshot = ExpectMsg<MetricsSnapshot>();
        Assert.Equal(2, snapshot.ErrorCount(ErrorKind.Api));
        Assert.Equal(1, snapshot.TotalErrors);
        Assert.Contains(snapshot.Errors, e => e is { Severity: ErrorSeverity.Injected, Source: "trader-ETH-USDT" });
    }

    [Fact]
    public void An_error_that_arrives_before_the_announcement_of_the_fault_that_caused_it_is_still_recorded_as_injected()
    {
        // The scripted clock moves a minute per reading: a lead of five minutes spans the next few readings.
        var metrics = Start(Settings() with { FaultLead = TimeSpan.FromMinutes(5) }, CreateTestProbe());

        metrics.Tell(new ReportError(ErrorKind.Api, ErrorSeverity.Error, "trader-ETH-USDT", "service unavailable"));
        metrics.Tell(new FaultInEffect(1, FaultKind.RequestError, Eth));
        metrics.Tell(GetMetricsSnapshot.Instance);

        var snapshot = ExpectMsg<MetricsSnapshot>();
        Assert.Equal(0, snapshot.TotalErrors);
        Assert.Equal(ErrorSeverity.Injected, Assert.Single(snapshot.Errors).Severity);
    }

    [Fact]
    public void Latencies_recorded_through_telemetry_are_aggregated_in_the_snapshot()
    {
        var metrics = Start(CreateTestProbe());

        Telemetry.RecordOrderRoundTrip(TimeSpan.FromMilliseconds(4), crossNode: false);
        Telemetry.RecordOrderRoundTrip(TimeSpan.FromMilliseconds(7), crossNode: true);
        Telemetry.RecordFillToPersist(TimeSpan.FromMilliseconds(9));

        AwaitAssert(() =>
        {
            metrics.Tell(GetMetricsSnapshot.Instance);
            var latencies = ExpectMsg<MetricsSnapshot>().Latencies!;
            // Other tests in this process may record too; this test's values are among what was aggregated.
            Assert.True(latencies[Telemetry.OrderRoundTripName].Count >= 2);
            // Only the round trip acknowledged from another node is in the cross-node histogram.
            Assert.True(latencies[Telemetry.CrossNodeOrderRoundTripName].MaxMs >= 7);
            Assert.True(latencies[Telemetry.FillToPersistName].MaxMs >= 9);
        }, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Trading_counters_and_errors_are_published_on_the_meter()
    {
        var measured = new List<(string Instrument, long Value, string? Kind)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == Telemetry.MeterName) l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var kind = tags.ToArray().FirstOrDefault(t => t.Key == "kind").Value as string;
            lock (measured) measured.Add((instrument.Name, value, kind));
        });
        listener.Start();
        var metrics = Start(CreateTestProbe());

        metrics.Tell(new CountTrading(TradingCounter.OrdersPlaced, 5));
        metrics.Tell(new ReportError(ErrorKind.Api, ErrorSeverity.Error, "exchange", "timeout"));
        metrics.Tell(new FaultInEffect(1, FaultKind.StreamDrop, Eth));
        metrics.Tell(GetMetricsSnapshot.Instance);
        ExpectMsg<MetricsSnapshot>();

        lock (measured)
        {
            Assert.Contains(("orders_placed", 5L, (string?)null), measured);
            Assert.Contains(("errors", 1L, "Api"), measured);
            Assert.Contains(("faults_injected", 1L, "stream-drop"), measured);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Directory.Delete(folder, recursive: true);
    }
}
