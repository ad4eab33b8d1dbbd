namespace ContinuousOperation.Cli.Gateway;

/// <summary>
/// One API key's request budget: up to <see cref="Capacity"/> requests at once, refilled at
/// <see cref="RefillPerSecond"/>. Time comes in as a parameter, so the arithmetic is tested without a clock.
/// Not thread-safe; its holder serialises the calls.
/// </summary>
internal sealed class TokenBucket(double capacity, double refillPerSecond)
{
    private double _tokens = capacity;
    private DateTimeOffset? _last;

    public double Capacity { get; } = capacity;

    public double RefillPerSecond { get; } = refillPerSecond;

    /// <summary>Takes one token if there is one. Returns null when the request may go, otherwise how long until a
    /// token will be there (what a 429's Retry-After says).</summary>
    public TimeSpan? TryTake(DateTimeOffset now)
    {
        // A clock that steps back refills nothing, rather than draining the bucket.
        var elapsed = _last is { } last && now > last ? (now - last).TotalSeconds : 0;
        _tokens = Math.Min(Capacity, _tokens + elapsed * RefillPerSecond);
        _last = now > _last.GetValueOrDefault() ? now : _last;
        if (_tokens >= 1)
        {
            _tokens -= 1;
            return null;
        }

        return TimeSpan.FromSeconds((1 - _tokens) / RefillPerSecond);
    }
}
