using ContinuousOperation.Domain.Criteria;
using static ContinuousOperation.Domain.Tests.Criteria.RunFixtures;

namespace ContinuousOperation.Domain.Tests.Criteria;

public sealed class MemoryTrendTests
{
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
        Assert.Equal(0, trend.SlopeMbPerHour, precision: 9);
    }
}
