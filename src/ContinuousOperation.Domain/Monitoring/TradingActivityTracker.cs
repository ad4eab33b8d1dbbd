using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Monitoring;

/// <summary>
/// Tallies orders placed and fills applied per symbol and the longest silence of each (wall time with neither), in
/// memory that grows with the number of symbols only. Silence is measured on the wall clock because what legitimately
/// pauses a trader — an exchange crash, a database outage, a silent stream — lasts wall time whatever the speed.
/// The window runs from the start of the run to <see cref="Close"/>, the end of trading: the drain that follows
/// cancels orders on purpose, so it is neither activity nor silence.
/// </summary>
public sealed class TradingActivityTracker
{
    private readonly Dictionary<Symbol, Tally> tallies;
    private readonly DateTimeOffset startedAt;
    private readonly double speed;
    private DateTimeOffset? closedAt;

    public TradingActivityTracker(IEnumerable<Symbol> symbols, DateTimeOffset startedAt, double speed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speed);
        this.startedAt = startedAt;
        this.speed = speed;
        tallies = symbols.Distinct().ToDictionary(s => s, _ => new Tally(startedAt));
    }

    /// <summary>Counts what moves a symbol's activity (orders placed, fills applied); other counters are ignored.</summary>
    public void Record(Symbol symbol, TradingCounter counter, long amount, DateTimeOffset now)
    {
        if (closedAt is not null || counter is not (TradingCounter.OrdersPlaced or TradingCounter.FillsApplied)) return;
        if (!tallies.TryGetValue(symbol, out var tally)) tallies[symbol] = tally = new Tally(startedAt);
        if (counter == TradingCounter.OrdersPlaced) tally.OrdersPlaced += amount;
        else tally.Fills += amount;
        tally.Heard(now);
    }

    /// <summary>Trading has ended at <paramref name="now"/>; later activity is the drain's. The first call counts.</summary>
    public void Close(DateTimeOffset now) => closedAt ??= now;

    public TradingActivity Snapshot(DateTimeOffset now)
    {
        var end = closedAt ?? now;
        var window = Max(end - startedAt, TimeSpan.Zero);
        var symbols = tallies
            .OrderBy(t => t.Key.Value, StringComparer.Ordinal)
            .Select(t => new SymbolActivity(t.Key, t.Value.OrdersPlaced, t.Value.Fills, t.Value.LongestSilenceUntil(end)))
            .ToArray();
        return new TradingActivity(window, window * speed, symbols);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed class Tally(DateTimeOffset startedAt)
    {
        private DateTimeOffset lastHeard = startedAt;
        private TimeSpan longestClosedSilence = TimeSpan.Zero;

        public long OrdersPlaced { get; set; }
        public long Fills { get; set; }

        /// <summary>Activity stamped before the last one (clocks of a loaded machine) closes no silence.</summary>
        public void Heard(DateTimeOffset now)
        {
            if (now <= lastHeard) return;
            longestClosedSilence = Max(longestClosedSilence, now - lastHeard);
            lastHeard = now;
        }

        public TimeSpan LongestSilenceUntil(DateTimeOffset end) => Max(longestClosedSilence, end - lastHeard);
    }
}
