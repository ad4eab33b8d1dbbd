using System.Text;

namespace ContinuousOperation.Domain.Reporting;

/// <summary>The human summary of a report: what a person at the console or reading <c>summary.txt</c> wants first —
/// the verdict, then why.</summary>
public static class RunSummary
{
    public static string Render(RunReport report, int exitCode)
    {
        var text = new StringBuilder();
        Line(text, $"Continuous operation run {ReportText.VerdictLine(report, exitCode)}");
        Line(text, $"  run {report.Configuration.RunId}, seed {report.Configuration.Seed}, symbols {string.Join(",", report.Configuration.Symbols)}, " +
                   $"market {report.Configuration.Market}, speed {Number(report.Configuration.Speed)}x");
        Line(text, $"  uptime {Number(report.Metrics.UptimeHours)} h of {Number(report.DurationHours)} h, " +
                   $"{report.StartedAt:u} → {report.EndedAt:u}");
        if (report.Segments is { } segments)
        {
            Line(text, $"  resumed: {segments.Segments.Count} segments, {Number(segments.DowntimeSeconds)} s of downtime in " +
                       $"{segments.Gaps.Count} gap(s), not counted as uptime");
        }

        Line(text, "");

        Line(text, "Criteria");
        foreach (var c in report.Criteria)
        {
            Line(text, $"  {ReportText.Outcome(c.Result),-12}  {c.Name,-22} observed {Number(c.Observed),10} {c.Unit,-12} " +
                       $"limit {Number(c.Threshold)}  {c.Explanation}");
        }

        Line(text, "");
        Latencies(text, report);
        var m = report.Metrics;
        Line(text, "Counters");
        Line(text, $"  orders placed {m.OrdersPlaced}, filled {m.OrdersFilled}, cancelled {m.OrdersCancelled}");
        Line(text, $"  positions opened {m.PositionsOpened}, closed {m.PositionsClosed}");
        Line(text, $"  errors {m.TotalErrors} ({Number(m.ErrorRatePerHour)}/h; database {m.DatabaseErrors}, api {m.ApiErrors}), " +
                   $"stream reconnects {m.WebsocketReconnects}");
        Line(text, $"  memory avg {Number(m.AverageMemoryMb)} MB, peak {Number(m.PeakMemoryMb)} MB; cpu avg {Number(m.AverageCpuPercent)} %");
        if (report.Pace is { } pace) Line(text, $"  pace: {pace.Line}");
        Line(text, "");

        if (report.Faults is { } faults) Faults(text, faults);

        text.Append(ConsistencySummary.Render(report.Consistency));
        return text.ToString();
    }

    /// <summary>p50, p99 and maximum of each latency over the whole run, in milliseconds.</summary>
    private static void Latencies(StringBuilder text, RunReport report)
    {
        var rows = LatencyRows.Of(report);
        if (rows.Count == 0) return;

        Line(text, $"Latency (ms)        {"p50",10} {"p99",10} {"max",10} {"count",10}");
        foreach (var (label, s) in rows)
        {
            Line(text, $"  {label,-18}{Number(s.P50Ms),10} {Number(s.P99Ms),10} {Number(s.MaxMs),10} {s.Count,10}");
        }

        Line(text, "");
    }

    private static void Faults(StringBuilder text, FaultSection faults)
    {
        Line(text, $"Faults ({faults.Profile}): {faults.Injected} injected, {faults.NotRecovered} not recovered");
        foreach (var kind in faults.Totals)
        {
            var times = kind.MedianSecondsToRecover is { } median
                ? $"recovery median {Number(median)} s, max {Number(kind.MaxSecondsToRecover!.Value)} s"
                : "no recovery time";
            Line(text, $"  {kind.Kind,-18} injected {kind.Injected,3}  recovered {kind.Recovered,3}  " +
                       $"not recovered {kind.NotRecovered,3}  {times}");
        }

        Line(text, "");
    }

    private static string Number(double value) => ReportText.Number(value);

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
