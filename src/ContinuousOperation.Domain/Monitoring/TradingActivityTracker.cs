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
        tallies = symbols.Distinct().ToDictionary(s => s, _ => new Tally());
    }

    /// <summary>Counts what moves a symbol's activity (orders placed, fills applied); other counters are ignored.</summary>
    public void Record(Symbol symbol, TradingCounter counter, long amount, DateTimeOffset now)
    {
        if (closedAt is not null || counter is not (TradingCounter.OrdersPlaced or TradingCounter.FillsApplied)) return;
        if (!tallies.TryGetValue(symbol, out var tally)) tallies[symbol] = tally = new Tally();
        if (counter == TradingCounter.OrdersPlaced) tally.OrdersPlaced += amount;
        else tally.Fills += amount;
        // Activity stamped before the window opened is heard at its opening: it closes no silence before it.
        tally.Heard(now > startedAt ? now : startedAt);
    }

    /// <summary>Trading has ended at <paramref name="now"/>; later activity is the drain's. The first call counts.</summary>
    public void Close(DateTimeOffset now) => closedAt ??= now;

    public TradingActivity Snapshot(DateTimeOffset now)
    {
        var end = closedAt ?? now;
        var window = Max(end - startedAt, TimeSpan.Zero);
        var symbols = tallies
            .OrderBy(t => t.Key.Value, StringComparer.Ordinal)
            .Select(t => t.Value.Over(t.Key, startedAt, end))
            .ToArray();
        return new TradingActivity(window, window * speed, symbols);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed class Tally
    {
        private bool heard;
        private DateTimeOffset first;
        private DateTimeOffset last;
        private TimeSpan longestInnerSilence = TimeSpan.Zero;

        public long OrdersPlaced { get; set; }
        public long Fills { get; set; }

        /// <summary>The symbol's activity over the window from <paramref name="from"/> to <paramref name="to"/>.</summary>
        public SymbolActivity Over(Symbol symbol, DateTimeOffset from, DateTimeOffset to)
        {
            var span = heard ? new ActivitySpan(first, last, longestInnerSilence) : null;
            return new SymbolActivity(symbol, OrdersPlaced, Fills, ActivitySpan.LongestSilence(span, from, to), span);
        }

        /// <summary>Activity stamped before the last one (clocks of a loaded machine) closes no silence.</summary>
        public void Heard(DateTimeOffset now)
        {
            if (!heard) (heard, first, last) = (true, now, now);
            if (now <= last) return;
            longestInnerSilence = Max(longestInnerSilence, now - last);
            last = now;
        }
    }
}
