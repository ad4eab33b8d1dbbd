using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Domain.Reporting;

/// <summary>The latencies every human-readable format shows, in the same order and words: order round trip and
/// fill to persist, each with its p50, p99 and maximum over the whole run.</summary>
public static class LatencyRows
{
    public static IReadOnlyList<(string Label, LatencySummary Summary)> Of(RunReport report) =>
        report.Latencies is not { } latencies
            ? []
            : LatencyInstruments.Shown
                .Where(latencies.ContainsKey)
                .Select(name => (Label(name), latencies[name]))
                .ToArray();

    public static string Label(string instrument) => instrument.Replace('_', ' ');
}
