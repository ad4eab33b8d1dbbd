using Akka.Actor;
using Akka.Event;
using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Actors.Monitoring;

/// <summary>
/// Aggregates the run's trading counters and errors, samples the process's resources on a timer, logs a progress
/// line and resource anomalies, and answers <see cref="GetMetricsSnapshot"/>. All arithmetic lives in the monitoring
/// core (<see cref="ErrorLog"/>, <see cref="BoundedSeries{T}"/>, <see cref="AnomalyDetector"/>, <see cref="ProgressLine"/>).
/// </summary>
public sealed class MetricsActor : ReceiveActor, IWithTimers
{
    private readonly MetricsSettings settings;
    private readonly IResourceProbe probe;
    private readonly ILoggingAdapter log = Context.GetLogger();
    private readonly Dictionary<TradingCounter, long> counters = [];
    private readonly ErrorLog errors;
    private readonly BoundedSeries<ResourceSample> samples;
    private readonly AnomalyDetector anomalies;
    private DateTimeOffset startedAt;
    private ResourceReading? previousReading;
    private ResourceSample? latestSample;

    public MetricsActor(MetricsSettings settings, IResourceProbe probe)
    {
        this.settings = settings;
        this.probe = probe;
        errors = new ErrorLog(settings.MaxErrorGroups);
        samples = new BoundedSeries<ResourceSample>(settings.MaxSamples);
        anomalies = new AnomalyDetector(settings.MemoryAlertThresholdMb, settings.CpuAlertThresholdPercent);

        Receive<CountTrading>(count => counters[count.Counter] = counters.GetValueOrDefault(count.Counter) + count.Amount);
        Receive<ReportError>(Record);
        Receive<SampleTick>(_ => TakeSample());
        Receive<ProgressTick>(_ => LogProgress());
        Receive<GetMetricsSnapshot>(_ =>
        {
            TakeSample();
            Sender.Tell(Snapshot());
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(MetricsSettings settings) => Props(settings, new ProcessResourceProbe());

    public static Props Props(MetricsSettings settings, IResourceProbe probe) =>
        Akka.Actor.Props.Create(() => new MetricsActor(settings, probe));

    protected override void PreStart()
    {
        // The first reading is the baseline the first sample's CPU is measured against; it is not a sample itself.
        previousReading = probe.Read();
        startedAt = previousReading.At;
        Timers.StartPeriodicTimer(nameof(SampleTick), SampleTick.Instance, settings.SampleInterval);
        Timers.StartPeriodicTimer(nameof(ProgressTick), ProgressTick.Instance, settings.ProgressInterval);
    }

    private void Record(ReportError error)
    {
        errors.Record(new ErrorRecord(probe.Now, error.Kind, error.Severity, error.Source, error.Message));
        log.Error("{Severity} {Kind} error from {Source}: {Message}", error.Severity, error.Kind, error.Source, error.Message);
    }

    private void TakeSample()
    {
        var reading = probe.Read();
        var sample = reading.SampleSince(previousReading ?? reading, startedAt);
        previousReading = reading;
        latestSample = sample;
        samples.Add(sample);

        foreach (var alert in anomalies.Evaluate(sample))
        {
            log.Warning(
                "Resource anomaly {Kind}: {Value:F1} above the threshold {Threshold} at {Elapsed}",
                alert.Kind, alert.Value, alert.Threshold, ProgressLine.FormatDuration(alert.Elapsed));
        }
    }

    private void LogProgress()
    {
        var line = ProgressLine.Compose(
            probe.Now - startedAt, settings.RunDuration, errors.Total,
            counters.GetValueOrDefault(TradingCounter.OrdersPlaced), counters.GetValueOrDefault(TradingCounter.FillsApplied),
            latestSample);
        log.Info(ProgressLine.Template, line.Values);
    }

    private MetricsSnapshot Snapshot() => new(
        startedAt,
        latestSample?.Elapsed ?? TimeSpan.Zero,
        new Dictionary<TradingCounter, long>(counters),
        samples.ToList(),
        errors.Summaries());

    private sealed record SampleTick
    {
        public static readonly SampleTick Instance = new();
    }

    private sealed record ProgressTick
    {
        public static readonly ProgressTick Instance = new();
    }
}
