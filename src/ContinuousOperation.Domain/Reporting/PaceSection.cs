using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Domain.Reporting;

/// <summary>
/// Whether the run kept the speed it was asked for: simulated time is meant to advance at speed × wall time, and every
/// stretch in which a symbol's market or trader lagged by more than <see cref="PaceWatch.Tolerance"/> of wall time's
/// worth is an episode. Falling behind is a warning, not a failed criterion: what a lag can break — requests timing
/// out, a symbol going silent, journals disagreeing — fails its own criterion; the lag itself only means a wall hour
/// held less simulated trading than the speed promised, which the report must say so nobody reads 400× where the
/// machine delivered less. <see cref="OrdersPerSymbolPerSimulatedMinute"/> is the traders' activity in simulated time
/// (null when the market's clock was not heard): a run that kept its speed can still hold fewer orders per simulated
/// minute than a slower one, because a trader waits for its order calls, and their round trips take longer in
/// simulated time the higher the speed.
/// </summary>
public sealed record PaceSection(
    double Speed,
    bool FellBehind,
    int EpisodeCount,
    double LaggingSeconds,
    double MaxBehindSimulatedSeconds,
    long DecisionsSkipped,
    IReadOnlyList<PaceEpisodeEntry> Episodes,
    double? OrdersPerSymbolPerSimulatedMinute = null)
{
    public static PaceSection From(double speed, PaceRecord record, double? ordersPerSymbolPerSimulatedMinute = null) => new(
        speed, record.Totals.Episodes > 0, record.Totals.Episodes, record.Totals.Lagging.TotalSeconds,
        record.Totals.MaxBehind.TotalSeconds, record.Totals.DecisionsSkipped, record.Episodes.Select(PaceEpisodeEntry.From).ToArray(),
        ordersPerSymbolPerSimulatedMinute);

    /// <summary>Orders placed per symbol per simulated minute; null without symbols or a simulated span.</summary>
    public static double? OrderRate(long ordersPlaced, int symbols, TimeSpan simulated) =>
        symbols > 0 && simulated > TimeSpan.Zero ? ordersPlaced / (double)symbols / simulated.TotalMinutes : null;

    /// <summary>The one line the console summary and the HTML report give it.</summary>
    public string Line => (FellBehind
        ? $"fell behind speed {ReportText.Number(Speed)}x: {EpisodeCount} episode(s) over {ReportText.Number(LaggingSeconds)} s of wall time, " +
          $"at worst {ReportText.Number(MaxBehindSimulatedSeconds)} simulated s behind ({string.Join(", ", Parts())}), " +
          $"{DecisionsSkipped} trader decision(s) skipped (a warning, not a failed criterion)"
        : $"kept speed {ReportText.Number(Speed)}x: no part fell more than {PaceWatch.Tolerance.TotalSeconds:0.#} s of wall time behind") +
        (OrdersPerSymbolPerSimulatedMinute is { } rate ? $"; {ReportText.Number(rate)} orders per symbol per simulated minute" : "");

    private IEnumerable<string> Parts() =>
        Episodes.GroupBy(e => e.Part)
            .Select(g => $"{(g.Key == PacePart.Market ? "market" : "trader decisions")} of {g.Select(e => e.Symbol).Distinct().Count()} symbol(s)");
}

public sealed record PaceEpisodeEntry(
    PacePart Part, string Symbol, DateTimeOffset StartedAt, double DurationSeconds, double MaxBehindSimulatedSeconds,
    long DecisionsSkipped, bool CaughtUp)
{
    public static PaceEpisodeEntry From(LagEpisode e) => new(
        e.Part, e.Symbol.Value, e.Start, e.Duration.TotalSeconds, e.MaxBehind.TotalSeconds, e.DecisionsSkipped, e.CaughtUp);
}
