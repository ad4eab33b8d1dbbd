using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Domain.Tests.Trading;

public class MarketClockTests
{
    private static readonly DateTime Wall = new(2026, 11, 28, 4, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Between_market_steps_the_clock_runs_at_the_runs_speed_but_not_past_one_step()
    {
        var clock = new MarketClock(speed: 400, maxAhead: TimeSpan.FromSeconds(40));
        clock.Heard(TimeSpan.FromSeconds(1000), Wall);

        Assert.Equal(TimeSpan.FromSeconds(1004), clock.Now(Wall.AddMilliseconds(10)));
        Assert.Equal(TimeSpan.FromSeconds(1040), clock.Now(Wall.AddMilliseconds(500)));
    }

    [Fact]
    public void The_clock_never_runs_backwards_when_the_market_shows_an_earlier_time()
    {
        var clock = new MarketClock(speed: 10, maxAhead: TimeSpan.FromSeconds(1));
        clock.Heard(TimeSpan.FromSeconds(100), Wall);
        var before = clock.Now(Wall.AddMilliseconds(100));

        clock.Heard(TimeSpan.FromSeconds(50), Wall.AddMilliseconds(200));
        clock.Heard(TimeSpan.FromSeconds(100), Wall.AddMilliseconds(300));

        Assert.Equal(TimeSpan.FromSeconds(101), before);
        Assert.Equal(TimeSpan.FromSeconds(101), clock.Now(Wall.AddMilliseconds(300)));
    }
}
