using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Domain.Tests.Monitoring;

public sealed class BoundedSeriesTests
{
    [Fact]
    public void Below_capacity_every_item_is_kept_in_order()
    {
        var series = new BoundedSeries<int>(8);

        foreach (var i in Enumerable.Range(0, 8)) series.Add(i);

        Assert.Equal(Enumerable.Range(0, 8), series.ToList());
    }

    [Fact]
    public void When_full_the_older_half_is_thinned_to_every_second_item_and_the_newer_half_kept()
    {
        var series = new BoundedSeries<int>(8);

        foreach (var i in Enumerable.Range(0, 9)) series.Add(i);

        Assert.Equal([0, 2, 4, 5, 6, 7, 8], series.ToList());
    }

    [Fact]
    public void A_long_run_never_exceeds_capacity_and_keeps_the_first_and_latest_items_in_order()
    {
        const int capacity = 20_000;
        const int samplesIn48HoursAt2Seconds = 48 * 60 * 60 / 2;
        var series = new BoundedSeries<int>(capacity);

        for (var i = 0; i < samplesIn48HoursAt2Seconds * 3; i++)
        {
            series.Add(i);
            Assert.True(series.Count <= capacity);
        }

        var items = series.ToList();
        Assert.Equal(0, items[0]);
        Assert.Equal(samplesIn48HoursAt2Seconds * 3 - 1, items[^1]);
        Assert.True(items.Zip(items.Skip(1)).All(pair => pair.First < pair.Second));

        // The newest items are still at full resolution.
        Assert.Equal(Enumerable.Range(items[^1] - 99, 100), items.TakeLast(100));
    }

    [Fact]
    public void Capacity_too_small_to_thin_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BoundedSeries<int>(3));
    }
}
