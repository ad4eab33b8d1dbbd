using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Monitoring;

/// <summary>
/// Watches a simulated clock that should advance at <c>speed</c> × wall time, from readings of it, and tells when it
/// fell behind. Between two readings the clock owes <c>Δwall × speed − Δsim</c>; the debt accumulates (never below
/// zero: running ahead after a stall pays it back). A debt above <see cref="Tolerance"/> of wall time's worth opens an
/// episode, which ends when the debt is paid back (caught up) or when it has not grown for <see cref="Settle"/> (the
/// clock keeps pace again but never made up the loss: the loss is written off, so it is not reported forever).
/// </summary>
public sealed class PaceWatch(PacePart part, Symbol symbol, double speed)
{
    /// <summary>Less than this much wall time's worth of lag is jitter: timers, a collection, a busy mailbox.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    private (DateTimeOffset Wall, TimeSpan Sim)? last;
    private TimeSpan debt;
    private (DateTimeOffset Start, TimeSpan MaxBehind, DateTimeOffset GrewAt)? open;

    private TimeSpan Threshold => Tolerance * speed;

    /// <summary>The clock read <paramref name="sim"/> at <paramref name="wall"/>; returns the episode this reading
    /// ended, if any.</summary>
    public LagEpisode? Read(DateTimeOffset wall, TimeSpan sim)
    {
        if (last is not { } previous || wall < previous.Wall)
        {
            last = (wall, sim);
            return null;
        }

        last = (wall, sim);
        var owed = (wall - previous.Wall) * speed - (sim - previous.Sim);
        debt = debt + owed > TimeSpan.Zero ? debt + owed : TimeSpan.Zero;

        if (open is not { } episode)
        {
            if (debt > Threshold) open = (previous.Wall, debt, wall);
            return null;
        }

        if (debt > episode.MaxBehind)
        {
            open = episode with { MaxBehind = debt, GrewAt = wall };
            return null;
        }

        if (debt > Threshold && wall - episode.GrewAt < Settle) return null;
        return Close(wall, caughtUp: debt <= Threshold);
    }

    /// <summary>The episode still open at <paramref name="wall"/> (the end of trading), if any.</summary>
    public LagEpisode? Flush(DateTimeOffset wall) => open is null ? null : Close(wall, caughtUp: false);

    private LagEpisode Close(DateTimeOffset wall, bool caughtUp)
    {
        var episode = open!.Value;
        open = null;
        debt = TimeSpan.Zero;
        return new LagEpisode(part, symbol, episode.Start, wall - episode.Start, episode.MaxBehind, 0, caughtUp);
    }
}
