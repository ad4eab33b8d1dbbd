using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Tests.Monitoring;

public sealed class PaceWatchTests
{
    private const double Speed = 400;
    private static readonly Symbol Btc = new("BTC-USDT");
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 4, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    /// <summary>Reads the clock every 100 ms of wall time for <paramref name="ticks"/> ticks, the clock advancing by
    /// <paramref name="simPerTick"/> each time; returns the episodes that ended.</summary>
    private static List<LagEpisode> Feed(PaceWatch watch, ref DateTimeOffset wall, ref TimeSpan sim, int ticks, TimeSpan simPerTick)
    {
        var ended = new List<LagEpisode>();
        for (var i = 0; i < ticks; i++)
        {
            wall += Tick;
            sim += simPerTick;
            if (watch.Read(wall, sim) is { } episode) ended.Add(episode);
        }

        return ended;
    }

    [Fact]
    public void A_clock_that_keeps_its_speed_with_jitter_below_the_tolerance_never_falls_behind()
    {
        var watch = new PaceWatch(PacePart.Market, Btc, Speed);
        var (wall, sim) = (Start, TimeSpan.Zero);
        watch.Read(wall, sim);

        var ended = Feed(watch, ref wall, ref sim, 50, Tick * Speed);
        ended.AddRange(Feed(watch, ref wall, ref sim, 5, TimeSpan.Zero)); // a 0.5 s stall
        ended.AddRange(Feed(watch, ref wall, ref sim, 5, Tick * Speed * 2)); // made up
        ended.AddRange(Feed(watch, ref wall, ref sim, 50, Tick * Speed));

        Assert.Empty(ended);
        Assert.Null(watch.Flush(wall));
    }

    [Fact]
    public void A_planted_stall_that_is_made_up_is_one_episode_that_caught_up()
    {
        var watch = new PaceWatch(PacePart.Market, Btc, Speed);
        var (wall, sim) = (Start, TimeSpan.Zero);
        watch.Read(wall, sim);
        Feed(watch, ref wall, ref sim, 10, Tick * Speed);

        var ended = Feed(watch, ref wall, ref sim, 30, TimeSpan.Zero); // 3 s without a step
        ended.AddRange(Feed(watch, ref wall, ref sim, 15, Tick * Speed * 3)); // steps twice as fast as owed, then more
        ended.AddRange(Feed(watch, ref wall, ref sim, 10, Tick * Speed));

        var episode = Assert.Single(ended);
        Assert.Equal(PacePart.Market, episode.Part);
        Assert.True(episode.CaughtUp);
        Assert.Equal(TimeSpan.FromSeconds(3 * Speed), episode.MaxBehind);
        Assert.InRange(episode.Duration, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void A_planted_stall_never_made_up_ends_once_the_pace_is_back_and_says_it_did_not_catch_up()
    {
        var watch = new PaceWatch(PacePart.Market, Btc, Speed);
        var (wall, sim) = (Start, TimeSpan.Zero);
        watch.Read(wall, sim);

        var ended = Feed(watch, ref wall, ref sim, 20, TimeSpan.Zero); // 2 s without a step, e.g. a restarted book
        Assert.Empty(ended);
        ended.AddRange(Feed(watch, ref wall, ref sim, 40, Tick * Speed));

        var episode = Assert.Single(ended);
        Assert.False(episode.CaughtUp);
        Assert.Equal(TimeSpan.FromSeconds(2 * Speed), episode.MaxBehind);
        // Written off: keeping pace from then on raises nothing more.
        Assert.Empty(Feed(watch, ref wall, ref sim, 100, Tick * Speed));
    }

    [Fact]
    public void A_lag_still_open_at_the_end_of_trading_is_flushed()
    {
        var watch = new PaceWatch(PacePart.Market, Btc, Speed);
        var (wall, sim) = (Start, TimeSpan.Zero);
        watch.Read(wall, sim);
        Feed(watch, ref wall, ref sim, 20, Tick * Speed / 4); // a quarter of the speed for 2 s

        var episode = watch.Flush(wall);

        Assert.NotNull(episode);
        Assert.False(episode.CaughtUp);
        Assert.Equal(TimeSpan.FromSeconds(2 * Speed * 3 / 4), episode.MaxBehind);
    }
}
