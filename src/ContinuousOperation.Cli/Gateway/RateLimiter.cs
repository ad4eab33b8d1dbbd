namespace ContinuousOperation.Cli.Gateway;

/// <summary>One <see cref="TokenBucket"/> per account (so per key), taken under a lock: requests of one key come in
/// on many threads.</summary>
internal sealed class RateLimiter(double burst, double perSecond)
{
    private readonly Dictionary<string, TokenBucket> _buckets = new(StringComparer.Ordinal);

    /// <summary>Null when the request may go, otherwise how long to wait.</summary>
    public TimeSpan? TryTake(string account, DateTimeOffset now)
    {
        lock (_buckets)
        {
            if (!_buckets.TryGetValue(account, out var bucket)) _buckets[account] = bucket = new TokenBucket(burst, perSecond);
            return bucket.TryTake(now);
        }
    }
}
