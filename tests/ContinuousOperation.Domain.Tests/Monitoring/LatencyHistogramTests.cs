using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Domain.Tests.Monitoring;

public sealed class LatencyHistogramTests
{
    [Fact]
    public void An_empty_histogram_summarises_to_zeros()
    {
        Assert.Equal(new LatencySummary(0, 0, 0, 0, 0), new LatencyHistogram().Summary());
    }

    [Fact]
    public void Count_mean_and_maximum_are_exact_and_percentiles_within_the_bucket_width()
    {
        var histogram = new LatencyHistogram();
        for (var ms = 1; ms <= 1_000; ms++) histogram.Record(ms);

        var summary = histogram.Summary();

        Assert.Equal((1_000, 500.5, 1_000.0), (summary.Count, summary.MeanMs, summary.MaxMs));
        Assert.InRange(summary.P50Ms, 500, 500 * 1.045);
        Assert.InRange(summary.P99Ms, 990, 990 * 1.045);
    }

    [Fact]
    public void A_few_slow_outliers_move_the_maximum_not_the_median()
    {
        var histogram = new LatencyHistogram();
        for (var i = 0; i < 1_000; i++) histogram.Record(2);
        histogram.Record(30_000);

        var summary = histogram.Summary();

        Assert.InRange(summary.P50Ms, 2, 2 * 1.045);
        Assert.InRange(summary.P99Ms, 2, 2 * 1.045);
        Assert.Equal(30_000, summary.MaxMs);
    }

    [Fact]
    public void A_percentile_never_exceeds_the_largest_value_seen()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(0.7);

        Assert.Equal(0.7, histogram.Summary().P99Ms);
    }
}
