using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Actors.Exchange;

/// <summary>How one symbol's book runs. Each <see cref="TickInterval"/> of wall time advances the market by
/// <see cref="TickInterval"/> × <see cref="Speed"/> of simulated time.</summary>
public sealed record BookSettings(
    Instrument Instrument, MarketSettings Market, FeeSchedule Fees, int Seed, double Speed, TimeSpan TickInterval)
{
    public TimeSpan SimulatedStep => TickInterval * Speed;
}
