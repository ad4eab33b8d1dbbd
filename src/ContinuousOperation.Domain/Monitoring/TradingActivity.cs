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

    /// <summary>
    /// The activity of trackers that each saw part of the run (the nodes of a cluster, where a symbol's trader moves
    /// from node to node), each with the start of its window. The window runs from the earliest start to the latest
    /// end of trading. Per symbol, orders and fills add up, and the longest silence is taken over the union of the
    /// spans in which the trackers heard it (<see cref="ActivitySpan.Union"/>): a symbol that left one node and
    /// resumed on another was silent for the gap between, not for the stretch each node saw without it.
    /// </summary>
    public static TradingActivity Merge(IReadOnlyList<(DateTimeOffset StartedAt, TradingActivity Activity)> trackers)
    {
        if (trackers.Count == 0) throw new ArgumentException("there is no activity to merge", nameof(trackers));
        var start = trackers.Min(t => t.StartedAt);
        var end = trackers.Max(t => t.StartedAt + t.Activity.Window);
        var symbols = trackers
            .SelectMany(t => t.Activity.Symbols)
            .GroupBy(s => s.Symbol)
            .OrderBy(g => g.Key.Value, StringComparer.Ordinal)
            .Select(g =>
            {
                var heard = ActivitySpan.Union(g.Select(s => s.Heard).OfType<ActivitySpan>());
                return new SymbolActivity(g.Key, g.Sum(s => s.OrdersPlaced), g.Sum(s => s.Fills),
                    ActivitySpan.LongestSilence(heard, start, end), heard);
            })
            .ToArray();
        var window = end - start;
        return new TradingActivity(window, window * Speed(trackers.Select(t => t.Activity)), symbols);
    }

    /// <summary>Simulated time per wall time, the same for every tracker of a run (0 when no window has begun).</summary>
    private static double Speed(IEnumerable<TradingActivity> activities) =>
        activities.Where(a => a.Window > TimeSpan.Zero).Select(a => a.SimulatedWindow / a.Window).FirstOrDefault();
}
