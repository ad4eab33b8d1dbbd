using System.Globalization;
using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Domain.Criteria;

/// <summary>Judges a finished run against its thresholds. Pure: the same metrics and consistency report always give
/// the same verdict, so a report can be re-judged later with other thresholds.</summary>
public static class SuccessCriteria
{
    public const string ZeroCriticalErrors = "zero_critical_errors";
    public const string MemoryStable = "memory_stable";
    public const string AverageCpu = "average_cpu";
    public const string ErrorRate = "error_rate";
    public const string PositionConsistency = "position_consistency";
    public const string AllValidationsPass = "all_validations_pass";
    public const string TradingActive = "trading_active";

    /// <summary>The invariants that say every order and position is accounted for on both sides.</summary>
    private static readonly Invariant[] PositionInvariants = [Invariant.NoOrphanedOrders, Invariant.NoOrphanedPositions];

    public static CriteriaVerdict Evaluate(CriteriaThresholds thresholds, MetricsSnapshot metrics, ConsistencyReport consistency) =>
        Evaluate(thresholds, metrics, consistency, memory: (thresholds, metrics));

    /// <param name="memory">Whose memory trend is judged, and with which thresholds: a resumed run's last segment,
    /// since a restarted process starts its memory afresh and a series across restarts would hide a leak behind each
    /// restart.</param>
    public static CriteriaVerdict Evaluate(
        CriteriaThresholds thresholds, MetricsSnapshot metrics, ConsistencyReport consistency,
        (CriteriaThresholds Thresholds, MetricsSnapshot Metrics) memory) =>
        new([
            CriticalErrors(thresholds, metrics),
            Memory(memory.Thresholds, memory.Metrics),
            Cpu(thresholds, metrics),
            Errors(thresholds, metrics),
            Positions(consistency),
            Validations(consistency),
            Trading(thresholds, metrics),
        ]);

    public static CriterionResult CriticalErrors(CriteriaThresholds thresholds, MetricsSnapshot metrics)
    {
        var critical = metrics.CriticalErrors;
        return new CriterionResult(ZeroCriticalErrors, thresholds.MaxCriticalErrors, critical, "errors",
            critical <= thresholds.MaxCriticalErrors,
            critical == 0 ? "no critical error" : $"{critical} critical error(s), see error_analysis");
    }

    /// <summary>The memory trend a run is judged on: its samples between the warm-up and the planned run length.</summary>
    public static MemoryTrend MemoryTrendOf(CriteriaThresholds thresholds, MetricsSnapshot metrics) =>
        MemoryTrend.Of(metrics.Samples, metrics.RunDuration ?? metrics.Elapsed, thresholds.MemoryWarmUp);

    /// <summary>Observed is the steeper of the two slopes (working set, managed heap); the note gives both with their fit.</summary>
    public static CriterionResult Memory(CriteriaThresholds thresholds, MetricsSnapshot metrics)
    {
        var limit = thresholds.MaxMemoryGrowthMbPerHour;
        var trend = MemoryTrendOf(thresholds, metrics);
        var observed = Math.Max(trend.WorkingSet.SlopeMbPerHour, trend.ManagedHeap.SlopeMbPerHour);
        var window = $"{trend.SamplesUsed} samples over {Minutes(trend.Observed)} min after a warm-up of {Minutes(trend.WarmUp)} min";
        if (!trend.CanBeJudged)
        {
            return new CriterionResult(MemoryStable, limit, observed, "MB/h", true,
                $"insufficient samples to judge a trend ({window}; {MemoryTrend.MinimumSamples} needed)");
        }

        var growing = trend.GrowingSeries(limit).Select(s => s.Name).ToArray();
        var slopes = $"Theil–Sen slope of working set {Describe(trend.WorkingSet)}, managed heap {Describe(trend.ManagedHeap)}; {window}";
        return new CriterionResult(MemoryStable, limit, observed, "MB/h", growing.Length == 0,
            growing.Length == 0 ? slopes : $"{string.Join(" and ", growing)} growing: {slopes}");
    }

    public static CriterionResult Cpu(CriteriaThresholds thresholds, MetricsSnapshot metrics)
    {
        if (metrics.Samples.Count == 0)
        {
            return new CriterionResult(AverageCpu, thresholds.MaxCpuPercent, 0, "% of machine", true, "no resource sample was taken");
        }

        var samples = metrics.RunSamples;
        var average = samples.Average(s => s.CpuPercentOfMachine);
        return new CriterionResult(AverageCpu, thresholds.MaxCpuPercent, average, "% of machine",
            average < thresholds.MaxCpuPercent, $"mean of {samples.Count} samples");
    }

    public static CriterionResult Errors(CriteriaThresholds thresholds, MetricsSnapshot metrics)
    {
        var rate = RatePerHour(metrics.TotalErrors, metrics.Elapsed);
        return new CriterionResult(ErrorRate, thresholds.MaxErrorRatePerHour, rate, "errors/h",
            rate < thresholds.MaxErrorRatePerHour,
            $"{metrics.TotalErrors} error(s) in {metrics.Elapsed.TotalHours.ToString("0.###", CultureInfo.InvariantCulture)} h of uptime");
    }

    public static CriterionResult Positions(ConsistencyReport consistency)
    {
        var checkedInvariants = consistency.Invariants.Where(i => PositionInvariants.Contains(i.Invariant)).ToArray();
        var violations = checkedInvariants.Sum(i => i.Violations.Count);
        var failed = checkedInvariants.Where(i => !i.Holds).Select(i => i.Name).ToArray();
        return new CriterionResult(PositionConsistency, 0, violations, "violations", failed.Length == 0,
            failed.Length == 0 ? "no orphaned order or position" : $"violated: {string.Join(", ", failed)}");
    }

    public static CriterionResult Validations(ConsistencyReport consistency)
    {
        var failed = consistency.Invariants.Where(i => !i.Holds).Select(i => i.Name).ToArray();
        return new CriterionResult(AllValidationsPass, 0, consistency.Invariants.Sum(i => i.Violations.Count), "violations",
            consistency.IsValid,
            failed.Length == 0 ? $"{consistency.Invariants.Count} invariants hold" : $"violated: {string.Join(", ", failed)}");
    }

    public static CriterionResult Trading(CriteriaThresholds thresholds, MetricsSnapshot metrics) =>
        TradingActivityRule.Judge(thresholds, metrics.Activity);

    /// <summary>Events per hour of uptime; zero for a run that did not last at all, rather than infinity.</summary>
    public static double RatePerHour(long count, TimeSpan uptime) => uptime > TimeSpan.Zero ? count / uptime.TotalHours : 0;

    private static string Minutes(TimeSpan span) => span.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Describe(SeriesTrend trend) => string.Create(CultureInfo.InvariantCulture,
        $"{trend.SlopeMbPerHour:+0.#;-0.#;0} MB/h (R² {trend.RSquared:0.00}, {trend.GrowthMb:+0.#;-0.#;0} MB)");
}
