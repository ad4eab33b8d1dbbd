using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Actors.Exchange;

public sealed record ExchangeSettings(
    IReadOnlyList<Instrument> Instruments,
    MarketSettings Market,
    FeeSchedule Fees,
    int Seed,
    double Speed,
    TimeSpan TickInterval,
    TimeSpan HeartbeatInterval,
    RestartBackoff BookBackoff)
{
    /// <summary>The run the books' journals belong to.</summary>
    public required RunId Run { get; init; }

    /// <summary>How long closing the books may take at the end of a run (each book persists one record).</summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public SnapshotPolicy Snapshots { get; init; } = SnapshotPolicy.Default;

    public BookSettings BookFor(Instrument instrument) =>
        new(instrument, Market, Fees, Seed, Speed, TickInterval) { Run = Run, Snapshots = Snapshots };
}
