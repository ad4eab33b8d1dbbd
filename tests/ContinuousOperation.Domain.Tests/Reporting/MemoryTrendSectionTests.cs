using ContinuousOperation.Domain.Criteria;
using ContinuousOperation.Domain.Reporting;
using static ContinuousOperation.Domain.Tests.Criteria.RunFixtures;

namespace ContinuousOperation.Domain.Tests.Reporting;

public sealed class MemoryTrendSectionTests
{
    [Fact]
    public void A_growing_working_set_is_reported_with_its_slope_fit_and_verdict()
    {
        var length = TimeSpan.FromHours(2);
        var samples = Series(length, TimeSpan.FromMinutes(1), workingSetAtHour: (hours, _) => 200 + 120 * hours, heapAtHour: (_, i) => 40 + i % 2);
        var trend = MemoryTrend.Of(samples, length);

        var section = MemoryTrendSection.From(trend, limitMbPerHour: 50);

        Assert.Equal(MemoryVerdict.Growing, section.Verdict);
        Assert.Equal((720, 109), (section.WarmUpSeconds, section.SamplesUsed));
        Assert.Equal(120, section.WorkingSet.SlopeMbPerHour, precision: 6);
        Assert.Equal(1, section.WorkingSet.RSquared, precision: 6);
        Assert.True(section.WorkingSet.Growing);
        Assert.False(section.ManagedHeap.Growing);
    }

    [Fact]
    public void A_series_too_short_to_judge_is_never_marked_growing()
    {
        var length = TimeSpan.FromMinutes(5);
        var samples = Series(length, TimeSpan.FromMinutes(1), (hours, _) => 200 + 10_000 * hours);

        var section = MemoryTrendSection.From(MemoryTrend.Of(samples, length), limitMbPerHour: 50);

        Assert.Equal(MemoryVerdict.InsufficientSamples, section.Verdict);
        Assert.False(section.WorkingSet.Growing);
    }
}
