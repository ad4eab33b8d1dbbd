using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Actors.Monitoring;

/// <summary>Adds to a trading counter; sent by traders (and the stream consumer) as things happen, naming the symbol
/// traded so that a silent symbol shows (null: counted for the run only).</summary>
public sealed record CountTrading(TradingCounter Counter, long Amount = 1, Symbol? Symbol = null);

/// <summary>Trading has ended (the drain begins): activity after this is the drain's, not the run's.</summary>
public sealed record TradingEnded
{
    public static readonly TradingEnded Instance = new();
}

/// <summary>A part of the run fell behind its speed (<see cref="PaceWatch"/>, skipped trader decisions).</summary>
public sealed record ReportLag(LagEpisode Episode);

/// <summary>An error observed anywhere in the run.</summary>
public sealed record ReportError(ErrorKind Kind, ErrorSeverity Severity, string Source, string Message);

/// <summary>Asks the metrics actor for a <see cref="MetricsSnapshot"/> (it takes a final resource sample first).</summary>
public sealed record GetMetricsSnapshot
{
    public static readonly GetMetricsSnapshot Instance = new();
}

/// <summary>Asks for a <see cref="MetricsSnapshot"/> as things stand, with no effect on the run (no sample taken, no
/// fault window settled): what a cluster run's control member collects from every node every few seconds.</summary>
public sealed record GetMetricsSoFar
{
    public static readonly GetMetricsSoFar Instance = new();
}

/// <summary>Asks for the <see cref="LiveFigures"/> of a live display, with no effect on the run: a single-node run's
/// console asks every second.</summary>
public sealed record GetLiveFigures
{
    public static readonly GetLiveFigures Instance = new();
}

/// <summary>Asks for the counters and errors so far, without a sample or any other effect (<see cref="MetricsTally"/>):
/// what a run's durable checkpoint records every few seconds.</summary>
public sealed record GetMetricsTally
{
    public static readonly GetMetricsTally Instance = new();
}

public sealed record MetricsTally(IReadOnlyDictionary<TradingCounter, long> Counters, IReadOnlyList<ErrorSummary> Errors);
