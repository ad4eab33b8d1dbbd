using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Domain.Cluster;

/// <summary>The metrics one node process sampled and counted (a node started again is another process, under a
/// name of the caller's choosing).</summary>
public sealed record NodeMetrics(string Node, MetricsSnapshot Metrics);

/// <summary>One node's resources as the report shows them: its figures and its samples, on the run's time axis.</summary>
public sealed record NodeResources(string Node, ResourceFigures Figures, IReadOnlyList<ResourceSample> Samples);

/// <summary>The cluster's metrics as one snapshot (the seed's keys are computed from it and from the nodes' figures)
/// and each node's resources.</summary>
public sealed record MergedMetrics(MetricsSnapshot Whole, IReadOnlyList<NodeResources> Nodes);

/// <summary>
/// Merges the metrics of a cluster's nodes. Counters and errors add up. The run starts with the first node and ends
/// with the last; its planned end is the earliest a node knew of. The merged resource series describes the average
/// node: at each instant a node sampled, every node then running (from its first sample to its last) contributes its
/// latest sample; levels and cumulative process counters are averaged, while activity (orders, fills, errors, faults)
/// is the cluster's total and the busiest mailbox the busiest anywhere.
/// <para>
/// Latency percentiles cannot be merged exactly from summaries: the merged p50 and p99 are the highest of the nodes'
/// (a bound from above, since a value below which a fraction q of every node's samples lies has at least q of all
/// below it); count, mean and maximum are exact. Per-symbol trading activity, which each node tracks for every
/// symbol of the run, is merged over the spans in which the nodes heard each symbol (<see cref="TradingActivity.Merge"/>),
/// and their pace as <see cref="PaceRecord.Merge"/> says.
/// </para>
/// </summary>
public static class ClusterMetrics
{
    public static MergedMetrics Merge(IReadOnlyList<NodeMetrics> nodes)
    {
        if (nodes.Count == 0) throw new ArgumentException("a cluster run has at least one node", nameof(nodes));
        var start = nodes.Min(n => n.Metrics.StartedAt);
        var end = nodes.Max(n => n.Metrics.StartedAt + n.Metrics.Elapsed);
        var plannedEnd = nodes.Where(n => n.Metrics.RunDuration is not null).Select(n => n.Metrics.StartedAt + n.Metrics.RunDuration!.Value)
            .DefaultIfEmpty().Min();
        var resources = nodes.Select(n => new NodeResources(n.Node, ResourceFigures.Of(n.Metrics),
            n.Metrics.Samples.Select(s => s with { Elapsed = s.At - start }).ToArray())).ToArray();
        var whole = new MetricsSnapshot(
            start,
            end - start,
            nodes.SelectMany(n => n.Metrics.Counters).GroupBy(c => c.Key).ToDictionary(g => g.Key, g => g.Sum(c => c.Value)),
            AverageNode(resources.Select(r => r.Samples).ToArray(), start),
            ErrorSummaries.Merge(nodes.SelectMany(n => n.Metrics.Errors)),
            plannedEnd == default ? null : plannedEnd - start,
            Latencies(nodes.Select(n => n.Metrics.Latencies)),
            Activity(nodes),
            PaceRecord.Merge(nodes.Select(n => n.Metrics.Pace).OfType<PaceRecord>().ToArray(), RunMetrics.MaxLagEpisodes));
        return new MergedMetrics(whole, resources);
    }

    /// <summary>Walks the instants in order with one cursor per node on its latest sample: linear in the samples.</summary>
    private static IReadOnlyList<ResourceSample> AverageNode(IReadOnlyList<ResourceSample>[] series, DateTimeOffset start)
    {
        var running = series.Where(s => s.Count > 0).ToArray();
        var cursors = new int[running.Length];
        var merged = new List<ResourceSample>();
        foreach (var at in running.SelectMany(s => s.Select(sample => sample.At)).Distinct().Order())
        {
            var latest = new List<ResourceSample>();
            for (var i = 0; i < running.Length; i++)
            {
                var samples = running[i];
                if (at < samples[0].At || at > samples[^1].At) continue;
                while (cursors[i] + 1 < samples.Count && samples[cursors[i] + 1].At <= at) cursors[i]++;
                latest.Add(samples[cursors[i]]);
            }

            merged.Add(Average(latest, at, start));
        }

        return merged;
    }

    private static ResourceSample Average(List<ResourceSample> latest, DateTimeOffset at, DateTimeOffset start)
    {
        var activities = latest.Select(s => s.Activity).OfType<ActivityCounts>().ToArray();
        return new ResourceSample(
            at, at - start,
            latest.Average(s => s.WorkingSetMb),
            latest.Average(s => s.ManagedHeapMb),
            (int)Math.Round(latest.Average(s => s.Gen0Collections)),
            (int)Math.Round(latest.Average(s => s.Gen1Collections)),
            (int)Math.Round(latest.Average(s => s.Gen2Collections)),
            latest.Average(s => s.CpuPercentOfMachine),
            latest.Average(s => s.CpuPercentOfCore),
            (int)Math.Round(latest.Average(s => s.ThreadCount)),
            latest.Average(s => s.GcPauseMs),
            (int)Math.Round(latest.Average(s => s.ThreadPoolThreads)),
            latest.Max(s => s.BusiestMailbox),
            activities.Length == 0
                ? null
                : new ActivityCounts(activities.Sum(a => a.OrdersPlaced), activities.Sum(a => a.FillsApplied),
                    activities.Sum(a => a.Errors), activities.Sum(a => a.FaultsInjected)),
            // Each node's latest interval, merged as the run's latencies are: the worst node's percentiles.
            Latencies(latest.Select(s => s.Latencies)));
    }

    private static TradingActivity? Activity(IReadOnlyList<NodeMetrics> nodes)
    {
        var tracked = nodes.Where(n => n.Metrics.Activity is not null).Select(n => (n.Metrics.StartedAt, n.Metrics.Activity!)).ToArray();
        return tracked.Length == 0 ? null : TradingActivity.Merge(tracked);
    }

    private static IReadOnlyDictionary<string, LatencySummary>? Latencies(IEnumerable<IReadOnlyDictionary<string, LatencySummary>?> nodes)
    {
        var summaries = nodes.OfType<IReadOnlyDictionary<string, LatencySummary>>().SelectMany(l => l).ToArray();
        if (summaries.Length == 0) return null;
        return summaries.GroupBy(s => s.Key).ToDictionary(g => g.Key, g =>
        {
            var measured = g.Select(s => s.Value).Where(s => s.Count > 0).ToArray();
            if (measured.Length == 0) return g.First().Value;
            var count = measured.Sum(s => s.Count);
            return new LatencySummary(count, measured.Sum(s => s.MeanMs * s.Count) / count, measured.Max(s => s.P50Ms),
                measured.Max(s => s.P99Ms), measured.Max(s => s.MaxMs));
        });
    }
}
