using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Domain.Reporting;

/// <summary>The metrics of a resumed run as a whole: the last segment's, with the earlier segments' figures added.</summary>
public static class ResumedMetrics
{
    /// <param name="earlierSamples">What the earlier segments left in the samples file.</param>
    /// <param name="current">The last segment's metrics, which started at <paramref name="resumedAt"/>.</param>
    public static MetricsSnapshot Merge(
        RunHistory history, IReadOnlyList<ResourceSample> earlierSamples, MetricsSnapshot current, DateTimeOffset resumedAt)
    {
        var start = history.StartedAt ?? current.StartedAt;
        var counters = history.Counters.Concat(current.Counters)
            .GroupBy(c => c.Key).ToDictionary(g => g.Key, g => g.Sum(c => c.Value));
        return current with
        {
            StartedAt = start,
            // Uptime: the segments' run time, never the gaps between them.
            Elapsed = history.RunTime + current.Elapsed,
            Counters = counters,
            // One time axis from the first start, gaps included, so the series shows where the run was down.
            Samples = earlierSamples.Where(s => s.At < resumedAt).Concat(current.Samples)
                .Select(s => s with { Elapsed = s.At - start }).ToArray(),
            Errors = ErrorSummaries.Merge(history.Errors.Concat(current.Errors)),
            RunDuration = current.RunDuration is { } remaining ? resumedAt - start + remaining : null,
        };
    }
}
