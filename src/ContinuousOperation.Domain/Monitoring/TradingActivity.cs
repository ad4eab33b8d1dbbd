using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Monitoring;

/// <summary>What one symbol's trader did while trading was on: orders it placed, fills it applied, and the longest
/// stretch of wall time in which it did neither (the open stretch up to the end of trading included).
/// <see cref="Heard"/> is when it did either (null if never), what merging several trackers' activity needs.</summary>
public sealed record SymbolActivity(Symbol Symbol, long OrdersPlaced, long Fills, TimeSpan LongestSilence, ActivitySpan? Heard = null);

/// <summary>Every symbol's activity over the trading window: <see cref="Window"/> of wall time from the start of the
/// run to the end of trading (or to now, while trading goes on), which is <see cref="SimulatedWindow"/> of market time.
/// Symbols that never traded are listed with zeros, so a silent symbol cannot go unnoticed.</summary>
public sealed record TradingActivity(TimeSpan Window, TimeSpan SimulatedWindow, IReadOnlyList<SymbolActivity> Symbols)
{
    public static readonly TradingActivity None = new(TimeSpan.Zero, TimeSpan.Zero, []);
}
