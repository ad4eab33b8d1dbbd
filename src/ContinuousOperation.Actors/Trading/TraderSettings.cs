using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Actors.Trading;

/// <summary>How one paper trader runs. <see cref="DecisionInterval"/> is simulated time: the trader decides as often per
/// simulated minute at every speed. Timeouts are wall time: they guard the simulated network, not the market.</summary>
public sealed record TraderSettings(
    Instrument Instrument,
    decimal StartingCash,
    int Seed,
    TimeSpan DecisionInterval,
    TimeSpan RequestTimeout,
    TimeSpan StreamSilenceTimeout,
    TimeSpan MarketDataFetchInterval)
{
    /// <summary>The run the trader's journal belongs to.</summary>
    public required RunId Run { get; init; }

    public RecoveryMechanisms Recovery { get; init; } = RecoveryMechanisms.All;

    public SnapshotPolicy Snapshots { get; init; } = SnapshotPolicy.Default;

    /// <summary>The run's speed: simulated time per wall time.</summary>
    public double Speed { get; init; } = 1;

    /// <summary>Wall time between the market's steps: the trader's clock runs at most one step ahead of the market's.</summary>
    public TimeSpan MarketTickInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The account channel sends a heartbeat every second; this much silence means it is gone.</summary>
    public TimeSpan AccountSilenceTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>First wait before subscribing again to a lost market-data stream; doubles up to <see cref="MaxReconnectDelay"/>.</summary>
    public TimeSpan MinReconnectDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often timeouts and stream silence are checked.</summary>
    public TimeSpan HousekeepingInterval =>
        TimeSpan.FromTicks(Math.Min(RequestTimeout.Ticks, Math.Min(StreamSilenceTimeout.Ticks, AccountSilenceTimeout.Ticks)) / 4);
}
