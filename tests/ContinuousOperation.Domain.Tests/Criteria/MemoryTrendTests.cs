using ContinuousOperation.Domain.Criteria;
using ContinuousOperation.Domain.Run;
using static ContinuousOperation.Domain.Tests.Criteria.RunFixtures;

namespace ContinuousOperation.Domain.Tests.Criteria;

/// <summary>The memory criterion on synthetic series: what must pass, what must fail, and the documented edge cases.</summary>
public sealed class MemoryTrendTests
{
    private static readonly CriteriaThresholds Defaults = new();
    private static readonly TimeSpan FourHours = TimeSpan.FromHours(4);
    private static readonly TimeSpan HalfMinute = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(1, 6)]
    [InlineData(4, 24)]
    [InlineData(24, 30)]
    [InlineData(48, 30)]
    public void Warm_up_is_a_tenth_of_the_run_capped_at_half_an_hour(double runHours, double expectedMinutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(expectedMinutes), MemoryTrend.WarmUpFor(TimeSpan.FromHours(runHours)));
    }

    [Fact]
    public void Samples_taken_during_warm_up_are_left_out()
    {
        // Start-up climbs steeply for the first 6 minutes (the warm-up of a 1 h run), then stays flat.
        var samples = Series(TimeSpan.FromHours(1), TimeSpan.FromMinutes(1), (hours, _) => hours < 0.1 ? 100 + hours * 5_000 : 600);

        var trend = MemoryTrend.Of(samples, TimeSpan.FromHours(1));

        Assert.Equal(55, trend.SamplesUsed);
        Assert.Equal(0, trend.WorkingSet.SlopeMbPerHour, precision: 9);
    }

    [Fact]
    public void A_warm_up_override_replaces_the_default()
    {
        var samples = Series(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(1), (_, _) => 300);

        var trend = MemoryTrend.Of(samples, TimeSpan.FromMinutes(10), warmUp: TimeSpan.FromMinutes(4));

        Assert.Equal(TimeSpan.FromMinutes(4), trend.WarmUp);
        Assert.Equal(7, trend.SamplesUsed);
    }

    [Fact]
    public void Samples_after_the_planned_run_length_belong_to_the_drain_and_are_left_out()
    {
        // Reconciliation reads the journals back after the deadline and the working set jumps; that is not a leak.
        var samples = Series(TimeSpan.FromMinutes(70), TimeSpan.FromMinutes(1), (hours, _) => hours <= 1 ? 300 : 900);

        var result = SuccessCriteria.Memory(Defaults, Metrics(TimeSpan.FromMinutes(70), samples, runDuration: TimeSpan.FromHours(1)));

        Assert.True(result.Result is CriterionOutcome.Pass, result.Note);
        Assert.Equal(0, result.Observed, precision: 9);
    }

    [Fact]
    public void Flat_memory_with_noise_passes()
    {
        var noise = new Random(7);
        var samples = Series(FourHours, HalfMinute, (_, _) => 300 + noise.NextDouble() * 40 - 20);

        var result = SuccessCriteria.Memory(Defaults, Metrics(FourHours, samples));

        Assert.True(result.Result is CriterionOutcome.Pass, result.Note);
        Assert.InRange(result.Observed, -5, 5);
    }

    [Fact]
    public void Steady_growth_above_the_limit_fails_with_a_good_fit()
    {
        var noise = new Random(7);
        var samples = Series(FourHours, HalfMinute, (hours, _) => 300 + 80 * hours + noise.NextDouble() * 20);

        var result = SuccessCriteria.Memory(Defaults, Metrics(FourHours, samples));
        var trend = SuccessCriteria.MemoryTrendOf(Defaults, Metrics(FourHours, samples));

        Assert.Equal(CriterionOutcome.Fail, result.Result);
        Assert.InRange(result.Observed, 75, 85);
        Assert.True(trend.WorkingSet.RSquared > 0.9, $"R² {trend.WorkingSet.RSquared}");
        Assert.Equal(MemoryVerdict.Growing, trend.Judge(Defaults.MaxMemoryGrowthMbPerHour));
        Assert.Equal("slope", result.Rule);
        Assert.StartsWith("working set growing", result.Note);
    }

    [Fact]
    public void Steady_growth_below_the_limit_passes()
    {
        var samples = Series(FourHours, HalfMinute, (hours, _) => 300 + 30 * hours);

        var result = SuccessCriteria.Memory(Defaults, Metrics(FourHours, samples));

        Assert.Equal(CriterionOutcome.Pass, result.Result);
        Assert.Equal("slope", result.Rule);
        Assert.StartsWith("both slopes within the limit", result.Note);
    }

    [Fact]
    public void A_gc_sawtooth_of_the_managed_heap_passes()
    {
        // The heap fills to 250 MB and a collection empties it every 7 minutes; the working set stays where the GC
        // reserved it. The sawtooth's slope is not a trend, and the line explains almost nothing of it.
        var samples = Series(FourHours, HalfMinute,
            workingSetAtHour: (_, _) => 400,
            heapAtHour: (_, i) => 50 + 200 * (i % 14) / 13.0);

        var result = SuccessCriteria.Memory(Defaults, Metrics(FourHours, samples));
        var trend = SuccessCriteria.MemoryTrendOf(Defaults, Metrics(FourHours, samples));

        Assert.True(result.Result is CriterionOutcome.Pass, result.Note);
        Assert.True(trend.ManagedHeap.RSquared < SeriesTrend.MinimumFit, $"R² {trend.ManagedHeap.RSquared}");
    }

    [Fact]
    public void A_slope_above_the_limit_that_the_line_does_not_explain_passes_on_the_fit()
    {
        // Noise of ±300 MB around a rise of 80 MB/h: the slope exceeds the limit, but the line explains a fifth of
        // the variance; that is a noisy level, not a leak.
        var noise = new Random(11);
        var samples = Series(FourHours, HalfMinute, (hours, _) => 300 + 80 * hours + noise.NextDouble() * 600 - 300);

        var result = SuccessCriteria.Memory(Defaults, Metrics(FourHours, samples));

        Assert.Equal(CriterionOutcome.Pass, result.Result);
        Assert.Equal("fit", result.Rule);
        Assert.True(result.Observed > Defaults.MaxMemoryGrowthMbPerHour, $"slope {result.Observed}");
        Assert.Contains("with R² below 0.5: noise, not a trend", result.Note);
    }

    [Fact]
    public void A_managed_leak_under_a_gc_sawtooth_fails_on_the_managed_heap()
    {
        var samples = Series(FourHours, HalfMinute,
            workingSetAtHour: (_, _) => 600,
            heapAtHour: (hours, i) => 100 + 150 * hours + 20 * (i % 6) / 5.0);

        var result = SuccessCriteria.Memory(Defaults, Metrics(FourHours, samples));

        Assert.Equal(CriterionOutcome.Fail, result.Result);
        Assert.StartsWith("managed heap growing", result.Note);
        Assert.InRange(result.Observed, 140, 160);
    }

    [Fact]
    public void A_one_off_step_is_read_as_growth_spread_over_the_window()
    {
        // Documented behaviour: a 100 MB step halfway through steady state (a cache filled once) has a fitted growth
        // of about the step, and a fit of about 2/3. Spread over the 3.6 h window of a 4 h run it stays under the
        // 50 MB/h limit; over the 54 min window of a 1 h run it is indistinguishable from a leak, and fails.
        static double Step(TimeSpan length, double hours) => hours < length.TotalHours * 0.55 ? 300 : 400;

        var longRun = SuccessCriteria.MemoryTrendOf(Defaults, Metrics(FourHours, Series(FourHours, HalfMinute, (h, _) => Step(FourHours, h))));
        var hour = TimeSpan.FromHours(1);
        var shortRun = SuccessCriteria.MemoryTrendOf(Defaults, Metrics(hour, Series(hour, HalfMinute, (h, _) => Step(hour, h))));

        Assert.InRange(longRun.WorkingSet.SlopeMbPerHour, 20, 40);
        Assert.Equal(MemoryVerdict.Stable, longRun.Judge(Defaults.MaxMemoryGrowthMbPerHour));
        Assert.InRange(shortRun.WorkingSet.SlopeMbPerHour, 80, 150);
        Assert.InRange(shortRun.WorkingSet.RSquared, 0.6, 0.75);
        Assert.Equal(MemoryVerdict.Growing, shortRun.Judge(Defaults.MaxMemoryGrowthMbPerHour));
    }

    [Fact]
    public void Growth_smaller_than_the_minimum_is_inconclusive_however_steep_its_hourly_rate()
    {
        // A two-minute run settling by 10 MB extrapolates to 300 MB/h with a perfect fit; 10 MB is runtime noise, so
        // the window is too short to tell settling from a leak: neither a pass nor a failure.
        var length = TimeSpan.FromMinutes(2);
        var samples = Series(length, TimeSpan.FromSeconds(2), (hours, _) => 150 + 300 * hours);

        var result = SuccessCriteria.Memory(Defaults, Metrics(length, samples));

        Assert.Equal(CriterionOutcome.Inconclusive, result.Result);
        Assert.Equal("floor", result.Rule);
        Assert.StartsWith("growth at the limit would add less than the 32 MB", result.Note);
        Assert.Contains("(38.4 min of steady state needed)", result.Note);
        Assert.InRange(result.Observed, 299, 301);
        Assert.Equal(MemoryVerdict.TooShortToTell, SuccessCriteria.MemoryTrendOf(Defaults, Metrics(length, samples)).Judge(Defaults.MaxMemoryGrowthMbPerHour));
    }

    [Fact]
    public void Flat_memory_in_a_window_too_short_to_show_growth_at_the_limit_is_inconclusive_not_passed()
    {
        // 20 minutes of steady state: a leak of 50 MB/h would add 17 MB, within what the runtime moves on its own.
        var length = TimeSpan.FromMinutes(22);
        var samples = Series(length, TimeSpan.FromSeconds(30), (_, _) => 300);

        var result = SuccessCriteria.Memory(Defaults, Metrics(length, samples));

        Assert.Equal(CriterionOutcome.Inconclusive, result.Result);
        Assert.Equal("floor", result.Rule);
        Assert.Equal(TimeSpan.FromMinutes(38.4), MemoryTrend.ShortestWindowFor(Defaults.MaxMemoryGrowthMbPerHour));
    }

    [Fact]
    public void With_a_limit_of_zero_flat_memory_is_never_a_pass_and_a_leak_still_fails()
    {
        var zero = Defaults with { MaxMemoryGrowthMbPerHour = 0 };
        var flat = Series(FourHours, HalfMinute, (_, _) => 300);
        var leak = Series(FourHours, HalfMinute, (hours, _) => 300 + 20 * hours);

        var notJudged = SuccessCriteria.Memory(zero, Metrics(FourHours, flat));

        Assert.Equal(CriterionOutcome.Inconclusive, notJudged.Result);
        Assert.Contains("a limit of 0 can only fail", notJudged.Note);
        Assert.Equal(CriterionOutcome.Fail, SuccessCriteria.Memory(zero, Metrics(FourHours, leak)).Result);
    }

    [Fact]
    public void A_fast_leak_fails_a_short_run_once_it_has_leaked_more_than_the_minimum()
    {
        // The self-test leak: 60 MB per minute over a one-minute run with a 10 s warm-up.
        var length = TimeSpan.FromMinutes(1);
        var noise = new Random(3);
        var samples = Series(length, TimeSpan.FromSeconds(2), (hours, _) => 150 + 3_600 * hours + noise.NextDouble() * 4);

        var result = SuccessCriteria.Memory(Defaults with { MemoryWarmUp = TimeSpan.FromSeconds(10) }, Metrics(length, samples));

        Assert.Equal(CriterionOutcome.Fail, result.Result);
        Assert.InRange(result.Observed, 3_400, 3_800);
    }

    [Fact]
    public void Too_few_samples_after_warm_up_are_inconclusive_and_say_so()
    {
        var samples = Series(FourHours, TimeSpan.FromMinutes(30), (hours, _) => 300 + 1_000 * hours);

        var result = SuccessCriteria.Memory(Defaults, Metrics(FourHours, samples));

        Assert.Equal(CriterionOutcome.Inconclusive, result.Result);
        Assert.Equal("insufficient samples", result.Rule);
        Assert.EndsWith("; 10 needed to fit a trend", result.Note);
        Assert.Equal(MemoryVerdict.InsufficientSamples,
            SuccessCriteria.MemoryTrendOf(Defaults, Metrics(FourHours, samples)).Judge(Defaults.MaxMemoryGrowthMbPerHour));
    }
}
