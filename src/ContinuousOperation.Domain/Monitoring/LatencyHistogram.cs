namespace ContinuousOperation.Domain.Monitoring;

/// <summary>Count, mean, median, 99th percentile and maximum of a latency, in milliseconds.</summary>
public sealed record LatencySummary(long Count, double MeanMs, double P50Ms, double P99Ms, double MaxMs);

/// <summary>
/// A latency distribution in fixed memory whatever the run length: values fall into logarithmic buckets, each about
/// 4.4 % wider than the one before (16 per doubling), so a percentile is exact to within that relative error. Count,
/// mean and maximum are exact.
/// </summary>
public sealed class LatencyHistogram
{
    private const int BucketsPerDoubling = 16;

    /// <summary>Values at or below 1 µs share the first bucket; 2^38 µs (about 3 days) and above share the last.</summary>
    private const double SmallestMs = 0.001;

    private const int Doublings = 38;

    private readonly long[] buckets = new long[Doublings * BucketsPerDoubling + 1];
    private double sum;
    private double max;

    public long Count { get; private set; }

    public void Record(double milliseconds)
    {
        var value = Math.Max(0, milliseconds);
        buckets[BucketOf(value)]++;
        Count++;
        sum += value;
        max = Math.Max(max, value);
    }

    public LatencySummary Summary() =>
        Count == 0 ? new LatencySummary(0, 0, 0, 0, 0) : new LatencySummary(Count, sum / Count, Percentile(0.5), Percentile(0.99), max);

    /// <summary>The upper bound of the bucket holding the given rank, never above the largest value seen.</summary>
    private double Percentile(double fraction)
    {
        var rank = (long)Math.Ceiling(fraction * Count);
        long seen = 0;
        for (var i = 0; i < buckets.Length; i++)
        {
            seen += buckets[i];
            if (seen >= rank) return Math.Min(UpperBoundOf(i), max);
        }

        return max;
    }

    private int BucketOf(double milliseconds) =>
        milliseconds <= SmallestMs
            ? 0
            : Math.Min(buckets.Length - 1, (int)Math.Ceiling(Math.Log2(milliseconds / SmallestMs) * BucketsPerDoubling));

    private static double UpperBoundOf(int bucket) => SmallestMs * Math.Pow(2, (double)bucket / BucketsPerDoubling);
}
