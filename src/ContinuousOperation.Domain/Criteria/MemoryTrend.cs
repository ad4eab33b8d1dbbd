using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Domain.Criteria;

/// <summary>What the memory criterion concluded.</summary>
public enum MemoryVerdict
{
    /// <summary>Neither series grows faster than the limit with a good fit.</summary>
    Stable,

    /// <summary>Working set or managed heap grows faster than the limit, and the line describes the series well.</summary>
    Growing,

    /// <summary>Fewer than <see cref="MemoryTrend.MinimumSamples"/> samples after warm-up: not judged.</summary>
    InsufficientSamples,

    /// <summary>Nothing grows beyond the limit, but the window is too short for growth at the limit to add up to
    /// <see cref="SeriesTrend.MinimumGrowthMb"/>: a leak at the limit could not have been told from settling, so a pass
    /// would be unearned (<see cref="MemoryTrend.LongEnoughFor"/>). Not judged.</summary>
    TooShortToTell,
}

/// <summary>What the rules say about one series, in the order they are applied.</summary>
public enum SeriesFinding
{
    /// <summary>The slope is within the limit.</summary>
    WithinLimit,

    /// <summary>The slope exceeds the limit, but the line explains too little of the series to be a trend (R² below
    /// <see cref="SeriesTrend.MinimumFit"/>): noise or a GC sawtooth.</summary>
    NoTrend,

    /// <summary>A trend steeper than the limit that adds less than <see cref="SeriesTrend.MinimumGrowthMb"/> over the
    /// window.</summary>
    BelowFloor,

    /// <summary>Slope, fit and growth all beyond their bounds.</summary>
    Growing,
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

    /// <summary>A failure is earned in any window long enough to hold the samples; a pass only in one long enough
    /// for growth at the limit to exceed the floor.</summary>
    public MemoryVerdict Judge(double maxMbPerHour) =>
        !CanBeJudged ? MemoryVerdict.InsufficientSamples
        : GrowingSeries(maxMbPerHour).Any() ? MemoryVerdict.Growing
        : !LongEnoughFor(maxMbPerHour) ? MemoryVerdict.TooShortToTell
        : MemoryVerdict.Stable;

    /// <summary>Whether growth at <paramref name="maxMbPerHour"/> would add at least
    /// <see cref="SeriesTrend.MinimumGrowthMb"/> over the observed window, the least growth the criterion fails on.</summary>
    public bool LongEnoughFor(double maxMbPerHour) => maxMbPerHour * Observed.TotalHours >= SeriesTrend.MinimumGrowthMb;

    /// <summary>The shortest steady-state window in which a pass against <paramref name="maxMbPerHour"/> is earned.</summary>
    public static TimeSpan ShortestWindowFor(double maxMbPerHour) =>
        maxMbPerHour > 0 ? TimeSpan.FromHours(SeriesTrend.MinimumGrowthMb / maxMbPerHour) : TimeSpan.MaxValue;

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

    public bool Exceeds(double maxMbPerHour) => Judge(maxMbPerHour) == SeriesFinding.Growing;

    public SeriesFinding Judge(double maxMbPerHour) =>
        SlopeMbPerHour <= maxMbPerHour ? SeriesFinding.WithinLimit
        : RSquared < MinimumFit ? SeriesFinding.NoTrend
        : GrowthMb < MinimumGrowthMb ? SeriesFinding.BelowFloor
        : SeriesFinding.Growing;

    public static SeriesTrend Of(IReadOnlyList<double> hours, IReadOnlyList<double> megabytes, TimeSpan observed)
    {
        var fit = TheilSenSlope.Fit(hours, megabytes);
        return new SeriesTrend(fit.Slope, fit.RSquared, fit.Slope * observed.TotalHours);
    }
}
