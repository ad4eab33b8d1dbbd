using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Monitoring;

/// <summary>
/// The run's figures as the metrics actor aggregates them: trading counters (and per symbol,
/// <see cref="TradingActivityTracker"/>), errors once classified (<see cref="ErrorLog"/>), faults injected, latencies,
/// and the resource samples with their anomalies. Readings and time come in as parameters; the actor logs, publishes
/// and answers.
/// </summary>
public sealed class RunMetrics
{
    private readonly Dictionary<TradingCounter, long> _counters = [];
    private readonly Dictionary<string, LatencyHistogram> _latencies;
    private Dictionary<string, LatencyHistogram> _intervalLatencies = NewIntervalLatencies();
    private readonly ErrorLog _errors;
    private readonly BoundedSeries<ResourceSample> _samples;
    private readonly AnomalyDetector _anomalies;
    private readonly TradingActivityTracker _activity;
    private readonly PaceLedger _pace = new(MaxLagEpisodes);
    private readonly TimeSpan _runDuration;
    private long _faultsInjected;
    private ResourceReading _previousReading;
    private ResourceSample? _latestSample;

    /// <param name="baseline">The first reading: the start of the run's clock and what the first sample's CPU is
    /// measured against; not a sample itself.</param>
    public RunMetrics(
        ResourceReading baseline, TimeSpan runDuration, IEnumerable<Symbol> symbols, double speed,
        IEnumerable<string> latencyInstruments, ErrorLog errors, BoundedSeries<ResourceSample> samples, AnomalyDetector anomalies)
    {
        _previousReading = baseline;
        StartedAt = baseline.At;
        _runDuration = runDuration;
        _activity = new TradingActivityTracker(symbols, StartedAt, speed);
        _latencies = latencyInstruments.ToDictionary(n => n, _ => new LatencyHistogram());
        (_errors, _samples, _anomalies) = (errors, samples, anomalies);
    }

    /// <summary>Lag episodes kept for the report; later ones are only counted.</summary>
    public const int MaxLagEpisodes = 200;

    public DateTimeOffset StartedAt { get; }

    /// <summary>A copy of the counters as they stand.</summary>
    public IReadOnlyDictionary<TradingCounter, long> Counters => new Dictionary<TradingCounter, long>(_counters);

    public IReadOnlyList<ErrorSummary> ErrorSummaries() => _errors.Summaries();

    /// <summary>Counts for the run as a whole.</summary>
    public void Count(TradingCounter counter, long amount) =>
        _counters[counter] = _counters.GetValueOrDefault(counter) + amount;

    /// <summary>Counts for the run and for <paramref name="symbol"/>'s activity.</summary>
    public void Count(TradingCounter counter, long amount, Symbol symbol, DateTimeOffset now)
    {
        Count(counter, amount);
        _activity.Record(symbol, counter, amount, now);
    }

    /// <summary>Trading is over: the drain that follows is not a silence of any symbol.</summary>
    public void TradingEnded(DateTimeOffset now) => _activity.Close(now);

    public void FaultInjected() => _faultsInjected++;

    /// <summary>A part of the run fell behind its speed; true when this began a new episode.</summary>
    public bool RecordLag(LagEpisode episode) => _pace.Record(episode);

    /// <summary>An error, once the fault windows have classified it.</summary>
    public void RecordError(ErrorRecord error) => _errors.Record(error);

    /// <summary>A latency of one of the instruments the metrics were built with.</summary>
    public void RecordLatency(string instrument, double milliseconds)
    {
        _latencies[instrument].Record(milliseconds);
        _intervalLatencies.GetValueOrDefault(instrument)?.Record(milliseconds);
    }

    /// <summary>The sample from the previous reading to <paramref name="reading"/>, kept in the series, with the
    /// anomalies it raises.</summary>
    public (ResourceSample Sample, IReadOnlyList<AnomalyAlert> Alerts) Sample(ResourceReading reading, long busiestMailbox)
    {
        var activity = new ActivityCounts(
            _counters.GetValueOrDefault(TradingCounter.OrdersPlaced), _counters.GetValueOrDefault(TradingCounter.FillsApplied),
            _errors.Counted, _faultsInjected);
        var sample = reading.SampleSince(_previousReading, StartedAt, busiestMailbox, activity) with { Latencies = TakeIntervalLatencies() };
        _previousReading = reading;
        _latestSample = sample;
        _samples.Add(sample);
        return (sample, _anomalies.Evaluate(sample));
    }

    /// <summary>The latencies measured since the previous sample (null when none was), and a fresh interval.</summary>
    private IReadOnlyDictionary<string, LatencySummary>? TakeIntervalLatencies()
    {
        var measured = _intervalLatencies.Where(l => l.Value.Count > 0).ToDictionary(l => l.Key, l => l.Value.Summary());
        _intervalLatencies = NewIntervalLatencies();
        return measured.Count > 0 ? measured : null;
    }

    private static Dictionary<string, LatencyHistogram> NewIntervalLatencies() =>
        LatencyInstruments.Shown.ToDictionary(n => n, _ => new LatencyHistogram());

    public ProgressLine Progress(DateTimeOffset now) => ProgressLine.Compose(
        now - StartedAt, _runDuration, _errors.Counted,
        _counters.GetValueOrDefault(TradingCounter.OrdersPlaced), _counters.GetValueOrDefault(TradingCounter.FillsApplied),
        _latestSample);

    /// <summary>The figures of a live display at <paramref name="now"/>; <paramref name="latencyInstrument"/> is the
    /// latency whose p99 it shows (null or unknown: none).</summary>
    public LiveFigures Live(DateTimeOffset now, int faultsInEffect, string? latencyInstrument) => new(
        now - StartedAt, _runDuration,
        _counters.GetValueOrDefault(TradingCounter.OrdersPlaced), _counters.GetValueOrDefault(TradingCounter.FillsApplied),
        _errors.Counted, _faultsInjected, faultsInEffect,
        latencyInstrument is not null && _latencies.TryGetValue(latencyInstrument, out var latency) && latency.Count > 0
            ? latency.Summary().P99Ms
            : null);

    /// <summary>Taken right after a sample: the sample's time is the snapshot's now.</summary>
    public MetricsSnapshot Snapshot() => new(
        StartedAt,
        _latestSample?.Elapsed ?? TimeSpan.Zero,
        Counters,
        _samples.ToList(),
        _errors.Summaries(),
        _runDuration,
        _latencies.ToDictionary(l => l.Key, l => l.Value.Summary()),
        _activity.Snapshot(_latestSample?.At ?? StartedAt),
        _pace.Record());
}
