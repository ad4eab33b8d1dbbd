using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Domain.Tests.Monitoring;

public sealed class WallTimeUnionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 7, 0, 0, TimeSpan.Zero);

    private static TimeSpan Add(WallTimeUnion union, double from, double to) => union.Add(T0.AddSeconds(from), T0.AddSeconds(to));

    [Fact]
    public void Overlaps_count_once_whatever_order_the_intervals_arrive_in()
    {
        var union = new WallTimeUnion();

        Assert.Equal(TimeSpan.FromSeconds(3), Add(union, 2, 5)); // reported first, though it started later
        Assert.Equal(TimeSpan.FromSeconds(7), Add(union, 0, 10)); // around it: only the 7 s it did not cover
        Assert.Equal(TimeSpan.Zero, Add(union, 4, 6)); // inside
        Assert.Equal(TimeSpan.FromSeconds(2), Add(union, 20, 22)); // apart
        Assert.Equal(TimeSpan.FromSeconds(18), Add(union, 8, 30)); // bridges the gap 10..20 and runs on from 22 to 30

        Assert.Equal(TimeSpan.FromSeconds(30), union.Length);
    }

    [Fact]
    public void An_empty_or_reversed_interval_adds_nothing()
    {
        var union = new WallTimeUnion();

        Assert.Equal(TimeSpan.Zero, Add(union, 5, 5));
        Assert.Equal(TimeSpan.Zero, Add(union, 5, 1));
        Assert.Equal(TimeSpan.Zero, union.Length);
    }

    [Fact]
    public void Intervals_older_than_the_horizon_are_let_go_so_a_days_long_run_holds_few()
    {
        var union = new WallTimeUnion();
        var step = WallTimeUnion.Horizon.TotalSeconds;
        for (var i = 0; i < 1_000; i++) Add(union, i * step, i * step + 1);

        Assert.Equal(TimeSpan.FromSeconds(1_000), union.Length);
        // Within the horizon the overlap is still found.
        Assert.Equal(TimeSpan.FromSeconds(1), Add(union, 999 * step, 999 * step + 2));
    }
}
