using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Domain.Criteria;

/// <summary>
/// Growth of the working set after warm-up, in MB per hour. Start-up allocates caches, JIT code and journal buffers,
/// so the first 10 % of the run (at most 30 minutes) is left out: only growth in steady state indicates a leak.
/// </summary>
public sealed record MemoryTrend(double SlopeMbPerHour, int SamplesUsed, TimeSpan WarmUp)
{
    /// <summary>Below this many points a slope is mostly noise, so the criterion is not judged.</summary>
    public const int MinimumSamples = 5;

    public static readonly TimeSpan MaxWarmUp = TimeSpan.FromMinutes(30);

    public bool HasEnoughSamples => SamplesUsed >= MinimumSamples;

    public static TimeSpan WarmUpFor(TimeSpan runLength) =>
        TimeSpan.FromTicks(Math.Min(runLength.Ticks / 10, MaxWarmUp.Ticks));

    public static MemoryTrend Of(IReadOnlyList<ResourceSample> samples, TimeSpan runLength)
    {
        var warmUp = WarmUpFor(runLength);
        var steady = samples.Where(s => s.Elapsed >= warmUp).ToArray();
        var slope = TheilSenSlope.Estimate(
            steady.Select(s => s.Elapsed.TotalHours).ToArray(),
            steady.Select(s => s.WorkingSetMb).ToArray());
        return new MemoryTrend(slope, steady.Length, warmUp);
    }
}
