using ContinuousOperation.Cli.Gateway;

namespace ContinuousOperation.Soak.Tests.Wire;

public sealed class TokenBucketTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_full_bucket_lets_its_capacity_through_at_once_then_says_how_long_to_wait()
    {
        var bucket = new TokenBucket(capacity: 3, refillPerSecond: 2);

        Assert.All(Enumerable.Range(0, 3), _ => Assert.Null(bucket.TryTake(T0)));
        Assert.Equal(TimeSpan.FromSeconds(0.5), bucket.TryTake(T0));
    }

    [Fact]
    public void Tokens_come_back_at_the_refill_rate_and_no_further_than_the_capacity()
    {
        var bucket = new TokenBucket(capacity: 2, refillPerSecond: 1);
        Assert.Null(bucket.TryTake(T0));
        Assert.Null(bucket.TryTake(T0));

        Assert.NotNull(bucket.TryTake(T0.AddSeconds(0.5)));
        Assert.Null(bucket.TryTake(T0.AddSeconds(1)));

        // An hour idle refills two tokens, not 3,600.
        var later = T0.AddHours(1);
        Assert.Null(bucket.TryTake(later));
        Assert.Null(bucket.TryTake(later));
        Assert.NotNull(bucket.TryTake(later));
    }

    [Fact]
    public void A_clock_that_steps_back_refills_nothing()
    {
        var bucket = new TokenBucket(capacity: 1, refillPerSecond: 1);
        Assert.Null(bucket.TryTake(T0));

        Assert.NotNull(bucket.TryTake(T0.AddSeconds(-10)));
        Assert.NotNull(bucket.TryTake(T0.AddSeconds(0.5)));
        Assert.Null(bucket.TryTake(T0.AddSeconds(1)));
    }
}
