using ContinuousOperation.Domain.Criteria;

namespace ContinuousOperation.Domain.Reporting;

/// <summary>The memory trend the <c>memory_stable</c> criterion was judged on, with the rule's constants, so a reader
/// can see why it passed or failed without re-deriving it from the samples.</summary>
public sealed record MemoryTrendSection(
    MemoryVerdict Verdict,
    double LimitMbPerHour,
    double WarmUpSeconds,
    int SamplesUsed,
    double ObservedSeconds,
    MemorySeriesEntry WorkingSet,
    MemorySeriesEntry ManagedHeap,
    int MinimumSamples,
    double MinimumFit,
    double MinimumGrowthMb)
{
    public static MemoryTrendSection From(MemoryTrend trend, double limitMbPerHour) => new(
        trend.Judge(limitMbPerHour),
        limitMbPerHour,
        trend.WarmUp.TotalSeconds,
        trend.SamplesUsed,
        trend.Observed.TotalSeconds,
        MemorySeriesEntry.From(trend.WorkingSet, trend.CanBeJudged, limitMbPerHour),
        MemorySeriesEntry.From(trend.ManagedHeap, trend.CanBeJudged, limitMbPerHour),
        MemoryTrend.MinimumSamples,
        SeriesTrend.MinimumFit,
        SeriesTrend.MinimumGrowthMb);
}

/// <summary>One series' Theil–Sen slope, its R², the growth it implies over the observed window, and whether it fails.</summary>
public sealed record MemorySeriesEntry(double SlopeMbPerHour, double RSquared, double GrowthMb, bool Growing)
{
    public static MemorySeriesEntry From(SeriesTrend trend, bool judged, double limitMbPerHour) =>
        new(trend.SlopeMbPerHour, trend.RSquared, trend.GrowthMb, judged && trend.Exceeds(limitMbPerHour));
}
