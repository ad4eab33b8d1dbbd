using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Domain.Reporting.Charts;

/// <summary>Latency over time: p50 and p99 of each latency of <see cref="LatencyInstruments.Shown"/> per sample
/// interval (a sample's latencies cover the interval since the previous one; an interval without a measurement is left
/// out rather than drawn as zero), and the order round trip's p99 limit when one is set.</summary>
public static class LatencyChart
{
    public static ChartDefinition Of(RunReport report, IReadOnlyList<ResourceEntry> samples, TimeAxis axis)
    {
        var series = LatencyInstruments.Shown.SelectMany(name => new[]
        {
            Percentile($"{LatencyRows.Label(name)} p50", samples, axis, name, s => s.P50Ms),
            Percentile($"{LatencyRows.Label(name)} p99", samples, axis, name, s => s.P99Ms),
        }).ToList();
        if (report.Configuration.Criteria.MaxOrderLatencyP99 is { } limit && samples.Count > 0)
        {
            var ms = limit.TotalMilliseconds;
            series.Add(new ChartSeries("order round trip p99 limit",
                [axis.Position(samples[0].ElapsedSeconds), axis.Position(samples[^1].ElapsedSeconds)], [ms, ms])
            {
                Kind = SeriesKind.Limit,
                Of = $"{LatencyRows.Label(LatencyInstruments.OrderRoundTrip)} p99",
            });
        }

        return new ChartDefinition("latency", "Latency per sample interval", axis.Label, "ms", null, series);
    }

    private static ChartSeries Percentile(
        string label, IReadOnlyList<ResourceEntry> samples, TimeAxis axis, string instrument, Func<LatencySummary, double> value)
    {
        var measured = samples
            .Select(s => (s.ElapsedSeconds, Summary: s.Latencies?.GetValueOrDefault(instrument)))
            .Where(p => p.Summary is { Count: > 0 })
            .ToArray();
        return new ChartSeries(label, measured.Select(p => axis.Position(p.ElapsedSeconds)).ToArray(),
            measured.Select(p => value(p.Summary!)).ToArray());
    }
}
