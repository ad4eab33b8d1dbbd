using ContinuousOperation.Domain.Consistency;

namespace ContinuousOperation.Domain.Tests.Consistency;

public sealed class ReadProgressTests
{
    [Fact]
    public void With_a_known_total_the_time_left_is_what_remains_at_the_rate_so_far()
    {
        var progress = new ReadProgress(EventsRead: 200_000, Elapsed: TimeSpan.FromSeconds(4), Total: 1_000_000);

        Assert.Equal(50_000, progress.Rate);
        Assert.Equal(TimeSpan.FromSeconds(16), progress.TimeLeft);
        Assert.Equal("Reconciling: 200000 of 1000000 events read, 50000 events/s, 0h00m16s left", progress.ToString());
    }

    [Fact]
    public void Without_a_total_or_before_any_event_the_time_left_is_unknown()
    {
        Assert.Null(new ReadProgress(10, TimeSpan.FromSeconds(1), Total: null).TimeLeft);
        Assert.Null(new ReadProgress(0, TimeSpan.Zero, Total: 100).TimeLeft);
        Assert.Equal("Reconciling: 10 of unknown events read, 10 events/s, unknown left",
            new ReadProgress(10, TimeSpan.FromSeconds(1), Total: null).ToString());
    }
}
