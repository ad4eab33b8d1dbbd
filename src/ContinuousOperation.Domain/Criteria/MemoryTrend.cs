using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Domain.Criteria;

/// <summary>What the memory criterion concluded.</summary>
public enum MemoryVerdict
{
    /// <summary>Neither series grows faster than the limit with a good fit.</summary>
    Stable,

    /// <summary>Working set or managed heap grows faster than the limit, and the line describes the series well.</summary>
    Growing,

    /// <summary>Fewer than <see cref="MemoryTrend.MinimumSamples"/> samples after warm-up: not judged, passes.</summary>
    InsufficientSamples,
}

/// <summary>
/// Growth of working set and managed heap in steady state, in MB per hour. Start-up allocates caches, JIT code and
/// journal buffers, so samples before the warm-up (by default 10 % of the run, at most 30 minutes) are left out; so are
/// samples after the planned run length, which belong to drain and reconciliation, not to steady state.
/// </summary>
public sealed record MemoryTrend(SeriesTrend WorkingSet, SeriesTrend ManagedHeap, int SamplesUsed, TimeSpan Observed, TimeSpan WarmUp)
{
    /// <summary>Below this many points the fit is mostly noise, so the criterion is not judged.</summary>
    public const int MinimumSamples = 10;

    public static readonly TimeSpan MaxWarmUp = TimeSpan.FromMinutes(30);

    public bool CanBeJudged => SamplesUsed >= MinimumSamples;

    /// <summary>The series that fails the limit, working set first; none when stable or not judged.</summary>
    public IEnumerable<(string Name, SeriesTrend Trend)> GrowingSeries(double maxMbPerHour) =>
        CanBeJudged
            ? new[] { ("working set", WorkingSet), ("managed heap", ManagedHeap) }.Where(s => s.Item2.Exceeds(maxMbPerHour))
            : [];

    public MemoryVerdict Judge(double maxMbPerHour) =>
        !CanBeJudged ? MemoryVerdict.InsufficientSamples
        : GrowingSeries(maxMbPerHour).Any() ? MemoryVerdict.Growing
        : MemoryVerdict.Stable;

    public static TimeSpan WarmUpFor(TimeSpan runLength) =>
        TimeSpan.FromTicks(Math.Min(runLength.Ticks / 10, MaxWarmUp.Ticks));

    /// <param name="samples">The run's resource samples, in time order.</param>
    /// <param name="runLength">The planned length of the run; later samples are left out.</param>
    /// <param name="warmUp">Overrides the default warm-up (<see cref="WarmUpFor"/>).</param>
    public static MemoryTrend Of(IReadOnlyList<ResourceSample> samples, TimeSpan runLength, TimeSpan? warmUp = null)
    {
        var excluded = warmUp ?? WarmUpFor(runLength);
        var steady = samples.Where(s => s.Elapsed >= excluded && s.Elapsed <= runLength).ToArray();
        var hours = steady.Select(s => s.Elapsed.TotalHours).ToArray();
        var observed = steady.Length < 2 ? TimeSpan.Zero : steady[^1].Elapsed - steady[0].Elapsed;
        return new MemoryTrend(
            SeriesTrend.Of(hours, steady.Select(s => s.WorkingSetMb).ToArray(), observed),
            SeriesTrend.Of(hours, steady.Select(s => s.ManagedHeapMb).ToArray(), observed),
            steady.Length, observed, excluded);
    }
}

/// <summary>
/// The Theil–Sen line of one memory series. It counts as growth beyond a limit only when three things hold:
/// the slope exceeds the limit; the line explains at least <see cref="MinimumFit"/> of the series' variance (a GC
/// sawtooth or noise around a level has a slope of sorts but a poor fit); and the fitted growth over the observed
/// window is at least <see cref="MinimumGrowthMb"/>, because smaller changes are within what the runtime itself
/// moves memory by (a heap segment committed, a thread stack, the database page cache) and, over a short run,
/// would extrapolate to an hourly rate out of nothing.
/// </summary>
public sealed record SeriesTrend(double SlopeMbPerHour, double RSquared, double GrowthMb)
{
    public const double MinimumFit = 0.5;

    public const double MinimumGrowthMb = 32;

    public bool Exceeds(double maxMbPerHour) =>
        SlopeMbPerHour > maxMbPerHour && RSquared >= MinimumFit && GrowthMb >= MinimumGrowthMb;

    public static SeriesTrend Of(IReadOnlyList<double> hours, IReadOnlyList<double> megabytes, TimeSpan observed)
    {
        var fit = TheilSenSlope.Fit(hours, megabytes);
        return new SeriesTrend(fit.Slope, fit.RSquared, fit.Slope * observed.TotalHours);
    }
}
