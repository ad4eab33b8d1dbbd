using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Domain.Tests.Monitoring;

public sealed class DeadLetterTallyTests
{
    [Fact]
    public void A_burst_is_summarized_most_frequent_type_first_and_the_next_one_starts_empty()
    {
        var tally = new DeadLetterTally();
        Assert.True(tally.Record("GetTicker"));
        foreach (var _ in Enumerable.Range(0, 10)) Assert.False(tally.Record("MarketTick"));
        tally.Record("AccountHeartbeatTick");

        Assert.Equal((12L, "MarketTick 10, AccountHeartbeatTick 1, GetTicker 1"), tally.TakeBurst());
        Assert.Null(tally.TakeBurst());
        Assert.True(tally.Record("MarketTick"));
        Assert.Equal((1L, "MarketTick 1"), tally.TakeBurst());
        Assert.Equal(13, tally.Total);
    }

    [Fact]
    public void Beyond_the_named_types_the_rest_are_counted_as_other()
    {
        var tally = new DeadLetterTally();
        foreach (var i in Enumerable.Range(0, DeadLetterTally.TypesNamed + 2)) tally.Record($"T{i}");

        var (count, byType) = tally.TakeBurst()!.Value;
        Assert.Equal(DeadLetterTally.TypesNamed + 2, count);
        Assert.EndsWith(", other 2", byType);
        Assert.Equal(DeadLetterTally.TypesNamed + 1, byType.Split(", ").Length);
    }
}
