using ContinuousOperation.Domain.Cluster;
using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Criteria;
using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Domain.Reporting;

/// <summary>What a finished run produced, as the report needs it (<see cref="Faults"/>: null when none were injected).</summary>
public sealed record RunResult(
    MetricsSnapshot Metrics, ConsistencyReport Consistency, bool Interrupted, DateTimeOffset StartedAt, DateTimeOffset EndedAt,
    FaultReport? Faults = null)
{
    /// <summary>The earlier segments of a resumed run (none for a run that was never killed).</summary>
    public RunHistory History { get; init; } = RunHistory.None;

    /// <summary>The samples the earlier segments left in the samples file.</summary>
    public IReadOnlyList<ResourceSample> EarlierSamples { get; init; } = [];

    /// <summary>Scheduled faults before the resume point, which this segment did not fire.</summary>
    public IReadOnlyList<ScheduledFault> FaultsPassed { get; init; } = [];

    /// <summary>The market's simulated clock at this segment's start and end (null when no book answered).</summary>
    public (TimeSpan? Start, TimeSpan? End) SimulatedClock { get; init; }

    /// <summary>The cluster's history and nodes (null on a single node); <see cref="Metrics"/> is then the nodes'
    /// merged metrics.</summary>
    public ClusterRun? Cluster { get; init; }
}

public static class RunReportBuilder
{
    /// <summary>Judges the run and assembles its report. An interrupted run is never a success: it did not last the
    /// duration it was asked to, whatever its criteria say.</summary>
    public static RunReport Build(RunSettings settings, DatabaseDescription database, RunResult result) =>
        result.History.IsResumed
            ? BuildResumed(settings, database, result)
            : Build(settings, database, result, (settings.Criteria, result.Metrics));

    /// <param name="memory">The thresholds and metrics the memory trend is judged on.</param>
    private static RunReport Build(
        RunSettings settings, DatabaseDescription database, RunResult result, (CriteriaThresholds Thresholds, MetricsSnapshot Metrics) memory)
    {
        var verdict = SuccessCriteria.Evaluate(settings.Criteria, result.Metrics, result.Consistency, memory);
        return new RunReport(
            RunSettings.TestType,
            settings.Duration.TotalHours,
            result.Consistency.IsValid,
            MetricsOf(result.Metrics, result.Cluster is { } cluster
                ? ResourceFigures.AcrossNodes(cluster.Nodes.Select(n => n.Figures))
                : ResourceFigures.Of(result.Metrics)),
            verdict.Passed && !result.Interrupted,
            result.Interrupted,
            result.StartedAt,
            result.EndedAt,
            verdict.Results,
            ConsistencySection.From(result.Consistency),
            result.Metrics.Errors,
            ReportConfiguration.From(settings, database),
            result.Metrics.Samples.Select(ResourceEntry.From).ToArray(),
            MemoryTrendSection.From(SuccessCriteria.MemoryTrendOf(memory.Thresholds, memory.Metrics), settings.Criteria.MaxMemoryGrowthMbPerHour),
            result.Metrics.Latencies,
            result.Faults is { Timeline.Count: > 0 } faults ? FaultSection.From(faults) : null,
            Cluster: result.Cluster is { } run ? ClusterSection.From(run, result.Faults, result.StartedAt) : null,
            Pace: result.Metrics.Pace is { } pace ? PaceSection.From(settings.Speed, pace, OrderRate(settings, result)) : null);
    }

    private static double? OrderRate(RunSettings settings, RunResult result) =>
        result.SimulatedClock is ({ } start, { } end)
            ? PaceSection.OrderRate(result.Metrics.Counter(TradingCounter.OrdersPlaced), settings.Instruments.Count, end - start)
            : null;

    /// <summary>A resumed run is reported whole: from its first start, with the earlier segments' counters, errors,
    /// faults and samples added to this one's, and its uptime the segments' run time (the gaps are downtime). Its memory
    /// trend is the last segment's: each restart starts the process's memory afresh.</summary>
    private static RunReport BuildResumed(RunSettings settings, DatabaseDescription database, RunResult result)
    {
        var history = result.History;
        var current = new RunCheckpoint(history.NextSegment, result.StartedAt, result.EndedAt, TimeSpan.Zero,
            result.SimulatedClock.Start, result.SimulatedClock.End, result.Metrics.Counters, result.Metrics.Errors,
            result.Faults?.Timeline ?? []);
        var whole = result with
        {
            Metrics = ResumedMetrics.Merge(history, result.EarlierSamples, result.Metrics, result.StartedAt),
            StartedAt = history.StartedAt!.Value,
            Faults = FaultLedger.Summarise(result.Faults?.Profile ?? settings.Faults.Name,
                history.Faults.Concat(result.Faults?.Timeline ?? [])),
            History = RunHistory.None,
        };
        // The last segment's process warmed up afresh: it is given the warm-up of the whole run, from its own start.
        var memory = settings.Criteria with { MemoryWarmUp = settings.Criteria.MemoryWarmUp ?? MemoryTrend.WarmUpFor(settings.Duration) };
        return Build(settings, database, whole, (memory, result.Metrics)) with { Segments = SegmentsSection.From(history, current, result.FaultsPassed) };
    }

    /// <param name="resources">The process's figures, or on a cluster those of its nodes.</param>
    private static ReportMetrics MetricsOf(MetricsSnapshot m, ResourceFigures resources) => new(
        UptimeHours: m.Elapsed.TotalHours,
        TotalErrors: m.TotalErrors,
        ErrorRatePerHour: SuccessCriteria.RatePerHour(m.TotalErrors, m.Elapsed),
        AverageMemoryMb: resources.AverageMemoryMb,
        PeakMemoryMb: resources.PeakMemoryMb,
        AverageCpuPercent: resources.AverageCpuPercent,
        PositionsOpened: m.Counter(TradingCounter.PositionsOpened),
        PositionsClosed: m.Counter(TradingCounter.PositionsClosed),
        OrdersPlaced: m.Counter(TradingCounter.OrdersPlaced),
        OrdersFilled: m.Counter(TradingCounter.OrdersFilled),
        OrdersCancelled: m.Counter(TradingCounter.OrdersCancelled),
        WebsocketReconnects: m.Counter(TradingCounter.WebsocketReconnects),
        DatabaseErrors: m.ErrorCount(ErrorKind.Database),
        ApiErrors: m.ErrorCount(ErrorKind.Api));
}
