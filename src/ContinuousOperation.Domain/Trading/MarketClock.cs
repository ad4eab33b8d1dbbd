namespace ContinuousOperation.Domain.Trading;

/// <summary>
/// The market's simulated clock as a trader knows it. The market moves its clock in steps (one per market tick, e.g.
/// 40 simulated seconds at speed 400), and the trader hears of each step through market data; in between, the clock
/// runs on at the run's speed from the last time heard, so decisions spread over the step instead of coming in one
/// burst. It never runs more than <paramref name="maxAhead"/> (one market step) past what the market last showed — a
/// market that stalls stalls its traders too — and never backwards.
/// </summary>
public sealed class MarketClock(double speed, TimeSpan maxAhead)
{
    private TimeSpan heard;
    private DateTime heardAt;
    private TimeSpan last;

    public bool IsKnown { get; private set; }

    /// <summary>Market data stamped <paramref name="simTime"/> arrived at <paramref name="now"/> (wall).</summary>
    public void Heard(TimeSpan simTime, DateTime now)
    {
        if (IsKnown && simTime < heard) return;
        (heard, heardAt, IsKnown) = (simTime, now, true);
    }

    /// <summary>Simulated now at wall time <paramref name="now"/>; only meaningful once <see cref="IsKnown"/>.</summary>
    public TimeSpan Now(DateTime now)
    {
        var ahead = (now - heardAt) * speed;
        var estimate = heard + (ahead < TimeSpan.Zero ? TimeSpan.Zero : ahead > maxAhead ? maxAhead : ahead);
        last = estimate > last ? estimate : last;
        return last;
    }
}
