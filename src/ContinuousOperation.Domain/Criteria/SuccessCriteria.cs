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
    public const string OrderLatencyP99 = "order_latency_p99";

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
            .. OrderLatencyRule.Judge(thresholds, metrics.Latencies) is { } latency ? [latency] : Array.Empty<CriterionResult>(),
        ]);

    public static CriterionResult CriticalErrors(CriteriaThresholds thresholds, MetricsSnapshot metrics)
    {
        var critical = metrics.CriticalErrors;
        return new CriterionResult(ZeroCriticalErrors, thresholds.MaxCriticalErrors, critical, "errors",
            CriterionResult.Judged(critical <= thresholds.MaxCriticalErrors), "count",
            critical == 0 ? "no critical error" : $"{critical} critical error(s), see error_analysis");
    }

    /// <summary>The memory trend a run is judged on: its samples between the warm-up and the planned run length.</summary>
    public static MemoryTrend MemoryTrendOf(CriteriaThresholds thresholds, MetricsSnapshot metrics) =>
        MemoryTrend.Of(metrics.Samples, metrics.RunDuration ?? metrics.Elapsed, thresholds.MemoryWarmUp);

    /// <summary>Observed is the steeper of the two slopes (working set, managed heap); the note gives both with their
    /// fit. The rule named is the one that decided: <c>insufficient samples</c> (not judged), <c>slope</c> (growing
    /// beyond the limit with a good fit and enough growth: fails), <c>floor</c> (a window too short for growth at the
    /// limit to reach the growth floor: not judged), <c>fit</c> (steeper than the limit, but noise rather than a trend:
    /// passes) or <c>slope</c> (within the limit: passes).</summary>
    public static CriterionResult Memory(CriteriaThresholds thresholds, MetricsSnapshot metrics)
    {
        var limit = thresholds.MaxMemoryGrowthMbPerHour;
        var trend = MemoryTrendOf(thresholds, metrics);
        var observed = Math.Max(trend.WorkingSet.SlopeMbPerHour, trend.ManagedHeap.SlopeMbPerHour);
        var window = $"{trend.SamplesUsed} samples over {Minutes(trend.Observed)} min after a warm-up of {Minutes(trend.WarmUp)} min";
        CriterionResult Result(CriterionOutcome outcome, string rule, string note) =>
            new(MemoryStable, limit, observed, "MB/h", outcome, rule, note);

        if (!trend.CanBeJudged)
            return Result(CriterionOutcome.Inconclusive, "insufficient samples", $"{window}; {MemoryTrend.MinimumSamples} needed to fit a trend");

        var series = new[] { ("working set", trend.WorkingSet), ("managed heap", trend.ManagedHeap) };
        string Named(SeriesFinding finding) => string.Join(" and ", series.Where(s => s.Item2.Judge(limit) == finding).Select(s => s.Item1));
        var slopes = $"Theil–Sen slope of working set {Describe(trend.WorkingSet)}, managed heap {Describe(trend.ManagedHeap)}; {window}";
        var fit = SeriesTrend.MinimumFit.ToString("0.0#", CultureInfo.InvariantCulture);
        var floor = $"{SeriesTrend.MinimumGrowthMb} MB";
        return trend.Judge(limit) switch
        {
            MemoryVerdict.Growing => Result(CriterionOutcome.Fail, "slope",
                $"{Named(SeriesFinding.Growing)} growing faster than the limit, with R² ≥ {fit} and ≥ {floor} over the window: {slopes}"),
            MemoryVerdict.TooShortToTell => Result(CriterionOutcome.Inconclusive, "floor",
                $"growth at the limit would add less than the {floor} the runtime moves on its own over this window, so a leak " +
                $"could not be told from settling ({Needed(limit)}): {slopes}"),
            _ when series.Any(s => s.Item2.Judge(limit) == SeriesFinding.NoTrend) => Result(CriterionOutcome.Pass, "fit",
                $"{Named(SeriesFinding.NoTrend)} steeper than the limit but with R² below {fit}: noise, not a trend: {slopes}"),
            _ => Result(CriterionOutcome.Pass, "slope", $"both slopes within the limit: {slopes}"),
        };
    }

    public static CriterionResult Cpu(CriteriaThresholds thresholds, MetricsSnapshot metrics)
    {
        if (metrics.Samples.Count == 0)
        {
            return new CriterionResult(AverageCpu, thresholds.MaxCpuPercent, 0, "% of machine", CriterionOutcome.Inconclusive,
                "no samples", "no resource sample was taken");
        }

        var samples = metrics.RunSamples;
        var average = samples.Average(s => s.CpuPercentOfMachine);
        return new CriterionResult(AverageCpu, thresholds.MaxCpuPercent, average, "% of machine",
            CriterionResult.Judged(average < thresholds.MaxCpuPercent), "mean", $"mean of {samples.Count} samples");
    }

    public static CriterionResult Errors(CriteriaThresholds thresholds, MetricsSnapshot metrics)
    {
        if (metrics.Elapsed <= TimeSpan.Zero)
        {
            return new CriterionResult(ErrorRate, thresholds.MaxErrorRatePerHour, 0, "errors/h", CriterionOutcome.Inconclusive,
                "no uptime", $"{metrics.TotalErrors} error(s), but no uptime to divide them by");
        }

        var rate = RatePerHour(metrics.TotalErrors, metrics.Elapsed);
        return new CriterionResult(ErrorRate, thresholds.MaxErrorRatePerHour, rate, "errors/h",
            CriterionResult.Judged(rate < thresholds.MaxErrorRatePerHour), "rate",
            $"{metrics.TotalErrors} error(s) in {metrics.Elapsed.TotalHours.ToString("0.###", CultureInfo.InvariantCulture)} h of uptime");
    }

    public static CriterionResult Positions(ConsistencyReport consistency)
    {
        var checkedInvariants = consistency.Invariants.Where(i => PositionInvariants.Contains(i.Invariant)).ToArray();
        var violations = checkedInvariants.Sum(i => i.Violations.Count);
        var failed = checkedInvariants.Where(i => !i.Holds).Select(i => i.Name).ToArray();
        return new CriterionResult(PositionConsistency, 0, violations, "violations", CriterionResult.Judged(failed.Length == 0), "invariants",
            failed.Length == 0 ? "no orphaned order or position" : $"violated: {string.Join(", ", failed)}");
    }

    public static CriterionResult Validations(ConsistencyReport consistency)
    {
        var failed = consistency.Invariants.Where(i => !i.Holds).Select(i => i.Name).ToArray();
        return new CriterionResult(AllValidationsPass, 0, consistency.Invariants.Sum(i => i.Violations.Count), "violations",
            CriterionResult.Judged(consistency.IsValid), "invariants",
            failed.Length == 0 ? $"{consistency.Invariants.Count} invariants hold" : $"violated: {string.Join(", ", failed)}");
    }

    public static CriterionResult Trading(CriteriaThresholds thresholds, MetricsSnapshot metrics) =>
        TradingActivityRule.Judge(thresholds, metrics.Activity);

    /// <summary>Events per hour of uptime; zero for a run that did not last at all, rather than infinity.</summary>
    public static double RatePerHour(long count, TimeSpan uptime) => uptime > TimeSpan.Zero ? count / uptime.TotalHours : 0;

    /// <summary>How long a steady state a pass against <paramref name="limit"/> needs; with a limit of 0 none is enough,
    /// since no window shows that memory does not grow at all.</summary>
    private static string Needed(double limit) => limit > 0
        ? $"{Minutes(MemoryTrend.ShortestWindowFor(limit))} min of steady state needed"
        : "no window is long enough to show no growth at all: a limit of 0 can only fail";

    private static string Minutes(TimeSpan span) => span.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Describe(SeriesTrend trend) => string.Create(CultureInfo.InvariantCulture,
        $"{trend.SlopeMbPerHour:+0.#;-0.#;0} MB/h (R² {trend.RSquared:0.00}, {trend.GrowthMb:+0.#;-0.#;0} MB)");
}
