using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Actors.Exchange;

/// <summary>How one symbol's book runs. Each <see cref="TickInterval"/> of wall time advances the market by
/// <see cref="TickInterval"/> × <see cref="Speed"/> of simulated time.</summary>
public sealed record BookSettings(
    Instrument Instrument, MarketSettings Market, FeeSchedule Fees, int Seed, double Speed, TimeSpan TickInterval)
{
    /// <summary>The run the book's journal belongs to.</summary>
    public required RunId Run { get; init; }

    public SnapshotPolicy Snapshots { get; init; } = SnapshotPolicy.Default;

    public TimeSpan SimulatedStep => TickInterval * Speed;

    /// <summary>How long the first tick waits: a fraction of <see cref="TickInterval"/> fixed by the symbol, so that the
    /// books of a run started together tick spread over the interval, not all in the same instant (a thousand journal
    /// writes at once would queue every order behind them).</summary>
    public TimeSpan FirstTickDelay =>
        TickInterval * ((uint)StableSeed.Derive(0, Instrument.Symbol.Value) % 1_000 / 1_000.0);
}
