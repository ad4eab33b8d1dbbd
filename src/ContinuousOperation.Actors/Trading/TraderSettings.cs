using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Actors.Trading;

/// <summary>How one paper trader runs. Timeouts are wall time: they guard the simulated network, not the market.</summary>
public sealed record TraderSettings(
    Instrument Instrument,
    decimal StartingCash,
    int Seed,
    TimeSpan DecisionInterval,
    TimeSpan RequestTimeout,
    TimeSpan StreamSilenceTimeout,
    TimeSpan MarketDataFetchInterval)
{
    /// <summary>How often timeouts and stream silence are checked.</summary>
    public TimeSpan HousekeepingInterval => TimeSpan.FromTicks(Math.Min(RequestTimeout.Ticks, StreamSilenceTimeout.Ticks) / 4);
}
