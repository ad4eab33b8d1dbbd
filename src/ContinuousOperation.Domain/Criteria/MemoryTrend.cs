using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Domain.Criteria;

/// <summary>
/// Growth of the working set after warm-up, in MB per hour. Start-up allocates caches, JIT code and journal buffers,
/// so the first 10 % of the run (at most 30 minutes) is left out: only growth in steady state indicates a leak.
/// </summary>
public sealed record MemoryTrend(double SlopeMbPerHour, int SamplesUsed, TimeSpan Observed, TimeSpan WarmUp)
{
    /// <summary>Below this many points a slope is mostly noise, so the criterion is not judged.</summary>
    public const int MinimumSamples = 5;

    /// <summary>A slope in MB per hour measured over a few seconds extrapolates start-up allocation a hundredfold;
    /// below this much steady-state time the trend is not judged either.</summary>
    public static readonly TimeSpan MinimumObserved = TimeSpan.FromMinutes(10);

    public static readonly TimeSpan MaxWarmUp = TimeSpan.FromMinutes(30);

    public bool CanBeJudged => SamplesUsed >= MinimumSamples && Observed >= MinimumObserved;

    public static TimeSpan WarmUpFor(TimeSpan runLength) =>
        TimeSpan.FromTicks(Math.Min(runLength.Ticks / 10, MaxWarmUp.Ticks));

    public static MemoryTrend Of(IReadOnlyList<ResourceSample> samples, TimeSpan runLength)
    {
        var warmUp = WarmUpFor(runLength);
        var steady = samples.Where(s => s.Elapsed >= warmUp).ToArray();
        var slope = TheilSenSlope.Estimate(
            steady.Select(s => s.Elapsed.TotalHours).ToArray(),
            steady.Select(s => s.WorkingSetMb).ToArray());
        var observed = steady.Length < 2 ? TimeSpan.Zero : steady[^1].Elapsed - steady[0].Elapsed;
        return new MemoryTrend(slope, steady.Length, observed, warmUp);
    }
}
