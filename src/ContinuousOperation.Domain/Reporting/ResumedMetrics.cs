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
            Errors = MergeErrors(history.Errors.Concat(current.Errors)),
            RunDuration = current.RunDuration is { } remaining ? resumedAt - start + remaining : null,
        };
    }

    private static IReadOnlyList<ErrorSummary> MergeErrors(IEnumerable<ErrorSummary> errors) => errors
        .GroupBy(e => (e.Kind, e.Severity, e.Source))
        .Select(g => g.Aggregate((a, b) => a with
        {
            Count = a.Count + b.Count,
            FirstAt = a.FirstAt < b.FirstAt ? a.FirstAt : b.FirstAt,
            LastAt = a.LastAt > b.LastAt ? a.LastAt : b.LastAt,
            LastMessage = a.LastAt > b.LastAt ? a.LastMessage : b.LastMessage,
        }))
        .OrderByDescending(s => s.Severity).ThenByDescending(s => s.Count).ThenBy(s => s.Kind)
        .ThenBy(s => s.Source, StringComparer.Ordinal)
        .ToArray();
}
