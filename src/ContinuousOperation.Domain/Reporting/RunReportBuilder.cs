using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Criteria;
using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Domain.Reporting;

/// <summary>What a finished run produced, as the report needs it (<see cref="Faults"/>: null when none were injected).</summary>
public sealed record RunResult(
    MetricsSnapshot Metrics, ConsistencyReport Consistency, bool Interrupted, DateTimeOffset StartedAt, DateTimeOffset EndedAt,
    FaultReport? Faults = null);

public static class RunReportBuilder
{
    /// <summary>Judges the run and assembles its report. An interrupted run is never a success: it did not last the
    /// duration it was asked to, whatever its criteria say.</summary>
    public static RunReport Build(RunSettings settings, DatabaseDescription database, RunResult result)
    {
        var verdict = SuccessCriteria.Evaluate(settings.Criteria, result.Metrics, result.Consistency);
        return new RunReport(
            RunSettings.TestType,
            settings.Duration.TotalHours,
            result.Consistency.IsValid,
            MetricsOf(result.Metrics),
            verdict.Passed && !result.Interrupted,
            result.Interrupted,
            result.StartedAt,
            result.EndedAt,
            verdict.Results,
            ConsistencySection.From(result.Consistency),
            result.Metrics.Errors,
            ReportConfiguration.From(settings, database),
            result.Metrics.Samples.Select(ResourceEntry.From).ToArray(),
            MemoryTrendSection.From(SuccessCriteria.MemoryTrendOf(settings.Criteria, result.Metrics), settings.Criteria.MaxMemoryGrowthMbPerHour),
            result.Metrics.Latencies,
            result.Faults is { Timeline.Count: > 0 } faults ? FaultSection.From(faults) : null);
    }

    private static ReportMetrics MetricsOf(MetricsSnapshot m) => new(
        UptimeHours: m.Elapsed.TotalHours,
        TotalErrors: m.TotalErrors,
        ErrorRatePerHour: SuccessCriteria.RatePerHour(m.TotalErrors, m.Elapsed),
        AverageMemoryMb: m.Samples.Count == 0 ? 0 : m.RunSamples.Average(s => s.WorkingSetMb),
        PeakMemoryMb: m.Samples.Count == 0 ? 0 : m.Samples.Max(s => s.WorkingSetMb),
        AverageCpuPercent: m.Samples.Count == 0 ? 0 : m.RunSamples.Average(s => s.CpuPercentOfMachine),
        PositionsOpened: m.Counter(TradingCounter.PositionsOpened),
        PositionsClosed: m.Counter(TradingCounter.PositionsClosed),
        OrdersPlaced: m.Counter(TradingCounter.OrdersPlaced),
        OrdersFilled: m.Counter(TradingCounter.OrdersFilled),
        OrdersCancelled: m.Counter(TradingCounter.OrdersCancelled),
        WebsocketReconnects: m.Counter(TradingCounter.WebsocketReconnects),
        DatabaseErrors: m.ErrorCount(ErrorKind.Database),
        ApiErrors: m.ErrorCount(ErrorKind.Api));
}
