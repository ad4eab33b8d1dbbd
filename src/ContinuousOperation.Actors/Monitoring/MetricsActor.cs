using System.Diagnostics.Metrics;
using Akka.Actor;
using Akka.Event;
using ContinuousOperation.Actors.Diagnostics;
using ContinuousOperation.Actors.Faults;
using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Actors.Monitoring;

/// <summary>
/// Aggregates the run's trading counters, errors, faults and latencies (publishing each through <see cref="Telemetry"/>
/// as it arrives), samples the process's resources and the run's busiest mailbox on a timer, appends each sample to
/// the samples file, logs a resource line per sample, a progress line and resource anomalies, and answers
/// <see cref="GetMetricsSnapshot"/>. Errors reported in the scope of an injected fault are recorded as injected
/// (<see cref="FaultWindows"/>), so they do not count against the run. All arithmetic lives in the monitoring core
/// (<see cref="RunMetrics"/>, over <see cref="ErrorLog"/>, <see cref="BoundedSeries{T}"/>, <see cref="AnomalyDetector"/>,
/// <see cref="LatencyHistogram"/>, <see cref="ProgressLine"/>, <see cref="TradingActivityTracker"/>).
/// </summary>
public sealed class MetricsActor : ReceiveActor, IWithTimers
{
    /// <summary>The warning of a part that fell behind the run's speed; one per episode (the console shows only the
    /// first few, run.log all of them).</summary>
    public const string FellBehindTemplate =
        "{Part} of {Symbol} fell behind the run's speed: {Behind} simulated behind, {Skipped} decision(s) skipped";

    private static readonly string[] LatencyInstruments =
        [Telemetry.OrderRoundTripName, Telemetry.CrossNodeOrderRoundTripName, Telemetry.FillToPersistName];

    private readonly MetricsSettings settings;
    private readonly IResourceProbe probe;
    private readonly ILoggingAdapter log = Context.GetLogger();
    private readonly FaultWindows faultWindows;
    private MeterListener? latencyListener;
    private SamplesFile? samplesFile;
    private RunMetrics run = null!;

    public MetricsActor(MetricsSettings settings, IResourceProbe probe)
    {
        this.settings = settings;
        this.probe = probe;
        faultWindows = new FaultWindows(settings.FaultGrace, settings.FaultLead, settings.NodeFaultGrace);

        Receive<CountTrading>(Count);
        Receive<TradingEnded>(_ => run.TradingEnded(probe.Now));
        Receive<ReportError>(Record);
        Receive<ReportLag>(lag =>
        {
            if (!run.RecordLag(lag.Episode)) return;
            log.Warning(FellBehindTemplate, lag.Episode.Part, lag.Episode.Symbol, lag.Episode.MaxBehind, lag.Episode.DecisionsSkipped);
        });
        Receive<FaultInEffect>(fault =>
        {
            run.FaultInjected();
            // Windows open and close on this actor's clock, the one its error records are stamped with.
            var now = probe.Now;
            faultWindows.Opened(fault.FaultId, fault.Kind, fault.Symbol, now);
            Telemetry.RecordFault(fault.Kind.Name());
            RecordFinal(faultWindows.Settle(now));
        });
        Receive<FaultSettled>(settled => faultWindows.Closed(settled.FaultId, probe.Now));
        Receive<SettleErrors>(_ => RecordFinal(faultWindows.Settle(probe.Now)));
        Receive<LatencyObserved>(observed => run.RecordLatency(observed.Instrument, observed.Milliseconds));
        Receive<SampleTick>(_ => TakeSample());
        Receive<ProgressTick>(_ => LogProgress());
        Receive<GetMetricsTally>(_ => Sender.Tell(new MetricsTally(run.Counters, run.ErrorSummaries())));
        Receive<GetMetricsSoFar>(_ => Sender.Tell(run.Snapshot()));
        Receive<GetLiveFigures>(_ => Sender.Tell(run.Live(probe.Now, faultWindows.InEffect, Telemetry.OrderRoundTripName)));
        Receive<GetMetricsSnapshot>(_ =>
        {
            RecordFinal(faultWindows.SettleAll());
            TakeSample();
            Sender.Tell(run.Snapshot());
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(MetricsSettings settings) => Props(settings, new ProcessResourceProbe());

    public static Props Props(MetricsSettings settings, IResourceProbe probe) =>
        Akka.Actor.Props.Create(() => new MetricsActor(settings, probe));

    protected override void PreStart()
    {
        // The first reading is the baseline the first sample's CPU is measured against; it is not a sample itself.
        run = new RunMetrics(probe.Read(), settings.RunDuration, settings.Symbols, settings.Speed, LatencyInstruments,
            new ErrorLog(settings.MaxErrorGroups), new BoundedSeries<ResourceSample>(settings.MaxSamples),
            new AnomalyDetector(settings.MemoryAlertThresholdMb, settings.CpuAlertThresholdPercent));
        samplesFile = OpenSamplesFile();
        latencyListener = ListenToLatencies(Self);
        Timers.StartPeriodicTimer(nameof(SampleTick), SampleTick.Instance, settings.SampleInterval);
        if (settings.LogsProgress) Timers.StartPeriodicTimer(nameof(ProgressTick), ProgressTick.Instance, settings.ProgressInterval);
    }

    protected override void PostStop()
    {
        latencyListener?.Dispose();
        samplesFile?.Dispose();
    }

    /// <summary>Whoever records a latency (a trader, on its own thread) only touches the histogram instrument; the
    /// listener turns each measurement into a message, so the aggregation stays single-threaded inside this actor.</summary>
    private static MeterListener ListenToLatencies(IActorRef self)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == Telemetry.MeterName && LatencyInstruments.Contains(instrument.Name))
                    l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => self.Tell(new LatencyObserved(instrument.Name, value)));
        listener.Start();
        return listener;
    }

    private void Count(CountTrading count)
    {
        // Only a symbol's activity needs the time.
        if (count.Symbol is { } symbol) run.Count(count.Counter, count.Amount, symbol, probe.Now);
        else run.Count(count.Counter, count.Amount);
        Telemetry.Count(count.Counter, count.Amount);
    }

    /// <summary>An error is recorded once the fault windows have classified it, which may take them a moment: the
    /// fault that explains it may not have been announced yet.</summary>
    private void Record(ReportError error)
    {
        var now = probe.Now;
        faultWindows.Add(new ErrorRecord(now, error.Kind, error.Severity, error.Source, error.Message));
        RecordFinal(faultWindows.Settle(now));
        Timers.StartSingleTimer(nameof(SettleErrors), SettleErrors.Instance, settings.FaultLead);
    }

    private void RecordFinal(IReadOnlyList<ErrorRecord> records)
    {
        foreach (var record in records)
        {
            run.RecordError(record);
            Telemetry.RecordError(record.Kind, record.Severity);
            if (record.Severity == ErrorSeverity.Injected)
                log.Warning("{Kind} error from {Source} during an injected fault: {Message}", record.Kind, record.Source, record.Message);
            else
                log.Error("{Severity} {Kind} error from {Source}: {Message}", record.Severity, record.Kind, record.Source, record.Message);
        }
    }

    private void TakeSample()
    {
        // The run's actors are this actor's siblings: the busiest mailbox is searched from the parent down.
        var (sample, alerts) = run.Sample(probe.Read(), MailboxBacklog.Busiest(Context.Parent));
        AppendToFile(sample);
        log.Info(ResourceLine.Template, ResourceLine.Of(sample).Values);

        foreach (var alert in alerts)
        {
            log.Warning(
                "Resource anomaly {Kind}: {Value:F1} above the threshold {Threshold} at {Elapsed}",
                alert.Kind, alert.Value, alert.Threshold, ProgressLine.FormatDuration(alert.Elapsed));
        }
    }

    private SamplesFile? OpenSamplesFile()
    {
        if (settings.SamplesFile is not { } path) return null;
        try
        {
            return new SamplesFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.Warning("Samples file {Path} cannot be opened ({Reason}); samples are kept for the report only", path, e.Message);
            return null;
        }
    }

    /// <summary>A full disk must not cost the run its in-memory series (a restart would): the file is given up on.</summary>
    private void AppendToFile(ResourceSample sample)
    {
        if (samplesFile is null) return;
        try
        {
            samplesFile.Append(sample);
        }
        catch (IOException e)
        {
            log.Warning("Samples file {Path} cannot be written ({Reason}); samples are kept for the report only", settings.SamplesFile, e.Message);
            samplesFile.Dispose();
            samplesFile = null;
        }
    }

    private void LogProgress() => log.Info(ProgressLine.Template, run.Progress(probe.Now).Values);

    private sealed record LatencyObserved(string Instrument, double Milliseconds);

    private sealed record SettleErrors
    {
        public static readonly SettleErrors Instance = new();
    }

    private sealed record SampleTick
    {
        public static readonly SampleTick Instance = new();
    }

    private sealed record ProgressTick
    {
        public static readonly ProgressTick Instance = new();
    }
}
