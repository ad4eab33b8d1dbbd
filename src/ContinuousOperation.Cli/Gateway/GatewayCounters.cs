namespace ContinuousOperation.Cli.Gateway;

/// <summary>What the gateway refused or dropped, counted (thread-safe) for tests and the operator.</summary>
internal sealed class GatewayCounters
{
    private long _unauthorized;
    private long _rateLimited;
    private long _droppedConsumers;
    private long _oversized;

    public long Unauthorized => Interlocked.Read(ref _unauthorized);

    public long RateLimited => Interlocked.Read(ref _rateLimited);

    /// <summary>WebSocket consumers dropped because their send queue was full.</summary>
    public long DroppedConsumers => Interlocked.Read(ref _droppedConsumers);

    /// <summary>Request bodies and WebSocket frames refused for their size.</summary>
    public long Oversized => Interlocked.Read(ref _oversized);

    public void CountUnauthorized() => Interlocked.Increment(ref _unauthorized);

    public void CountRateLimited() => Interlocked.Increment(ref _rateLimited);

    public void CountDroppedConsumer() => Interlocked.Increment(ref _droppedConsumers);

    public void CountOversized() => Interlocked.Increment(ref _oversized);
}
