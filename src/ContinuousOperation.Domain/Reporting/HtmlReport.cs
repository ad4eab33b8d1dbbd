using System.Globalization;
using System.Net;
using System.Text;
using ContinuousOperation.Domain.Criteria;
using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Reporting.Charts;

namespace ContinuousOperation.Domain.Reporting;

/// <summary>The run as one self-contained HTML page: verdict, key figures, criteria, charts, consistency and errors.
/// It works offline and as a mailed attachment: the style is inline, there is no script, and each chart is an SVG
/// document in a data URI (as separate documents, the charts' internal ids cannot clash with each other).</summary>
public static class HtmlReport
{
    private const int ViolationsShown = 20;

    public static string Render(RunReport report, IReadOnlyList<RenderedChart> charts)
    {
        var html = new StringBuilder();
        var verdict = ReportText.Verdict(report);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append($"<title>Continuous operation {verdict} — seed {report.Configuration.Seed}</title>\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append($"<style>\n{HtmlStyle.Css}\n</style>\n</head>\n<body>\n<main>\n");
        Header(html, report, verdict);
        KeyFigures(html, report.Metrics, report.Consistency);
        if (report.Pace is { } pace) html.Append($"<p class=\"context\">Pace: {Text(pace.Line)}</p>\n");
        Criteria(html, report);
        Latencies(html, report);
        Charts(html, charts);
        Consistency(html, report.Consistency);
        if (report.Faults is { } faults) Faults(html, faults);
        if (report.Cluster is { } cluster) Cluster(html, cluster);
        if (report.Segments is { } segments) Segments(html, segments);
        Errors(html, report.ErrorAnalysis);
        Configuration(html, report.Configuration);
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Header(StringBuilder html, RunReport report, string verdict)
    {
        var c = report.Configuration;
        html.Append($"<h1>Continuous operation run <span class=\"verdict {verdict.ToLowerInvariant()}\">{verdict}</span></h1>\n")
            .Append($"<p class=\"context\">seed {c.Seed} · {Text(string.Join(", ", c.Symbols))} · market {Text(c.Market)} · ")
            .Append($"speed {N(c.Speed)}x · {N(report.Metrics.UptimeHours)} h of {N(report.DurationHours)} h · ")
            .Append($"{report.StartedAt:u} → {report.EndedAt:u}</p>\n");
        if (ReportText.NotJudged(report.Criteria) is { Length: > 0 } notJudged)
            html.Append($"<p class=\"not-judged\">{Text(notJudged)}</p>\n");
    }

    private static void KeyFigures(StringBuilder html, ReportMetrics m, ConsistencySection consistency)
    {
        html.Append("<section class=\"figures\">\n");
        Figure(html, "uptime", $"{N(m.UptimeHours)} h");
        Figure(html, "errors", $"{m.TotalErrors} ({N(m.ErrorRatePerHour)}/h)");
        Figure(html, "average memory", $"{N(m.AverageMemoryMb)} MB");
        Figure(html, "peak memory", $"{N(m.PeakMemoryMb)} MB");
        Figure(html, "average CPU", $"{N(m.AverageCpuPercent)} %");
        Figure(html, "orders placed / filled", $"{m.OrdersPlaced} / {m.OrdersFilled}");
        Figure(html, "positions opened / closed", $"{m.PositionsOpened} / {m.PositionsClosed}");
        Figure(html, "consistency", $"{consistency.Invariants.Count(i => i.Holds)} of {consistency.Invariants.Count} hold");
        html.Append("</section>\n");
    }

    private static void Figure(StringBuilder html, string label, string value) =>
        html.Append($"<div class=\"figure\"><div class=\"label\">{Text(label)}</div><div class=\"value\">{Text(value)}</div></div>\n");

    private static void Criteria(StringBuilder html, RunReport report)
    {
        html.Append("<h2>Criteria</h2>\n<table>\n<tr><th>result</th><th>criterion</th><th>observed</th><th>threshold</th><th>note</th></tr>\n");
        foreach (var c in report.Criteria)
        {
            html.Append($"<tr><td>{Outcome(c.Result)}</td><td>{Text(c.Name)}</td>")
                .Append($"<td class=\"number\">{N(c.Observed)} {Text(c.Unit)}</td><td class=\"number\">{N(c.Threshold)} {Text(c.Unit)}</td>")
                .Append($"<td>{Text(c.Explanation)}</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    /// <summary>The whole run's latencies; the latency chart below shows them per sample interval.</summary>
    private static void Latencies(StringBuilder html, RunReport report)
    {
        var rows = LatencyRows.Of(report);
        if (rows.Count == 0) return;

        html.Append("<h2>Latency</h2>\n<table>\n<tr><th>latency</th><th>p50</th><th>p99</th><th>max</th><th>count</th></tr>\n");
        foreach (var (label, s) in rows)
        {
            html.Append($"<tr><td>{Text(label)}</td><td class=\"number\">{N(s.P50Ms)} ms</td><td class=\"number\">{N(s.P99Ms)} ms</td>")
                .Append($"<td class=\"number\">{N(s.MaxMs)} ms</td><td class=\"number\">{s.Count}</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void Charts(StringBuilder html, IReadOnlyList<RenderedChart> charts)
    {
        html.Append("<h2>Over time</h2>\n<section class=\"charts\">\n");
        foreach (var chart in charts)
        {
            var data = Convert.ToBase64String(Encoding.UTF8.GetBytes(chart.Svg));
            html.Append($"<figure id=\"chart-{Text(chart.Name)}\"><img alt=\"{Text(chart.Title)}\" src=\"data:image/svg+xml;base64,{data}\"></figure>\n");
        }

        html.Append("</section>\n");
    }

    private static void Consistency(StringBuilder html, ConsistencySection consistency)
    {
        html.Append("<h2>Consistency</h2>\n")
            .Append($"<p>{(consistency.Valid ? "Every invariant holds" : "<span class=\"fail\">Violated</span>")}: ")
            .Append($"{consistency.TraderEventsRead} trader and {consistency.ExchangeEventsRead} exchange events read back ")
            .Append($"for {Text(string.Join(", ", consistency.Symbols))}.</p>\n")
            .Append("<table>\n<tr><th>result</th><th>invariant</th><th>what it checks</th><th>violations</th></tr>\n");
        foreach (var invariant in consistency.Invariants)
        {
            html.Append($"<tr><td>{Verdict(invariant.Holds)}</td><td>{Text(invariant.Name)}</td><td>{Text(invariant.Description)}</td><td>");
            html.Append(invariant.Violations.Count == 0 ? "0" : $"{invariant.Violations.Count}<ul>");
            foreach (var v in invariant.Violations.Take(ViolationsShown))
            {
                html.Append($"<li>{Text(v.Symbol)}: {Text(v.Detail)} <span class=\"ids\">{Text(string.Join(", ", v.Ids))}</span></li>");
            }

            if (invariant.Violations.Count > ViolationsShown) html.Append("<li>… the rest are in the JSON report</li>");
            html.Append(invariant.Violations.Count == 0 ? "" : "</ul>").Append("</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void Faults(StringBuilder html, FaultSection faults)
    {
        html.Append($"<h2>Injected faults ({Text(faults.Profile)})</h2>\n")
            .Append($"<p>{faults.Injected} injected, {faults.NotRecovered} not recovered within their deadlines.</p>\n")
            .Append("<table>\n<tr><th>kind</th><th>injected</th><th>recovered</th><th>not recovered</th><th>never took effect</th>")
            .Append("<th>median recovery</th><th>max recovery</th></tr>\n");
        foreach (var t in faults.Totals)
        {
            html.Append($"<tr><td>{Text(t.Kind)}</td><td class=\"number\">{t.Injected}</td><td class=\"number\">{t.Recovered}</td>")
                .Append($"<td class=\"number\">{t.NotRecovered}</td><td class=\"number\">{t.NotApplied}</td>")
                .Append($"<td class=\"number\">{Seconds(t.MedianSecondsToRecover)}</td><td class=\"number\">{Seconds(t.MaxSecondsToRecover)}</td></tr>\n");
        }

        html.Append("</table>\n<h3>Timeline</h3>\n");
        FaultTimeline(html, faults.Timeline);
    }

    private static void FaultTimeline(StringBuilder html, IReadOnlyList<FaultTimelineEntry> timeline)
    {
        html.Append("<table>\n<tr><th>#</th><th>simulated time</th><th>kind</th><th>target</th>")
            .Append("<th>outcome</th><th>time to recover</th><th>deadline</th></tr>\n");
        foreach (var f in timeline)
        {
            html.Append($"<tr><td class=\"number\">{f.Id}</td><td class=\"number\">{Seconds(f.SimulatedAtSeconds)}</td>")
                .Append($"<td>{Text(f.Kind)}</td><td>{Text(f.Target)}</td>")
                .Append($"<td>{(f.Outcome == FaultOutcome.Recovered ? Verdict(true) : Text(OutcomeText(f.Outcome)))}</td>")
                .Append($"<td class=\"number\">{Seconds(f.SecondsToRecover)}</td><td class=\"number\">{Seconds(f.DeadlineSeconds)}</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    /// <summary>The nodes and what happened to them; the charts above show the same over time.</summary>
    private static void Cluster(StringBuilder html, ClusterSection cluster)
    {
        html.Append($"<h2>Cluster ({cluster.Nodes.Count} nodes)</h2>\n<table>\n<tr><th>node</th><th>role</th><th>address</th><th>pid</th>")
            .Append("<th>average memory</th><th>peak memory</th><th>average CPU</th></tr>\n");
        foreach (var n in cluster.Nodes)
        {
            html.Append($"<tr><td>{Text(n.Name)}</td><td>{Text(n.Role)}</td><td>{Text(n.Address)}</td><td class=\"number\">{n.Pid?.ToString(CultureInfo.InvariantCulture) ?? "—"}</td>")
                .Append($"<td class=\"number\">{N(n.AverageMemoryMb)} MB</td><td class=\"number\">{N(n.PeakMemoryMb)} MB</td>")
                .Append($"<td class=\"number\">{N(n.AverageCpuPercent)} %</td></tr>\n");
        }

        html.Append("</table>\n<h3>Membership</h3>\n<table>\n<tr><th>time</th><th>at</th><th>node</th><th>change</th></tr>\n");
        foreach (var m in cluster.Membership)
        {
            html.Append($"<tr><td class=\"number\">{Seconds(m.ElapsedSeconds)}</td><td>{m.At:u}</td><td>{Text(m.Node)}</td>")
                .Append($"<td>{Text(ReportText.Snake(m.Change))}</td></tr>\n");
        }

        html.Append("</table>\n<h3>Shard handoffs</h3>\n");
        if (cluster.Handoffs.Count == 0) html.Append("<p>No shard moved.</p>\n");
        else
        {
            html.Append("<table>\n<tr><th>time</th><th>symbol</th><th>entity</th><th>from</th><th>to</th></tr>\n");
            foreach (var h in cluster.Handoffs)
            {
                html.Append($"<tr><td class=\"number\">{Seconds(h.ElapsedSeconds)}</td><td>{Text(h.Symbol)}</td>")
                    .Append($"<td>{Text(ReportText.Snake(h.Entity))}</td><td>{Text(h.FromNode)}</td><td>{Text(h.ToNode)}</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        html.Append("<h3>Node faults</h3>\n");
        if (cluster.NodeFaults.Count == 0) html.Append("<p>No node fault was injected.</p>\n");
        else FaultTimeline(html, cluster.NodeFaults);
    }

    private static void Segments(StringBuilder html, SegmentsSection segments)
    {
        html.Append($"<h2>Segments (resumed run)</h2>\n<p>{segments.Segments.Count} segments, {N(segments.DowntimeSeconds)} s of downtime between them.</p>\n")
            .Append("<table>\n<tr><th>#</th><th>from</th><th>to</th><th>run time</th><th>simulated time</th><th>ended by</th></tr>\n");
        foreach (var s in segments.Segments)
        {
            html.Append($"<tr><td class=\"number\">{s.Segment}</td><td>{s.StartedAt:u}</td><td>{s.EndedAt:u}</td>")
                .Append($"<td class=\"number\">{N(s.RunSeconds)} s</td><td>{Seconds(s.SimulatedStartSeconds)} → {Seconds(s.SimulatedEndSeconds)}</td>")
                .Append($"<td>{(s.Killed ? "kill (last checkpoint)" : "end of run")}</td></tr>\n");
        }

        html.Append("</table>\n<h3>Gaps (downtime)</h3>\n<table>\n<tr><th>from</th><th>to</th><th>length</th><th>faults not fired</th></tr>\n");
        foreach (var g in segments.Gaps)
        {
            html.Append($"<tr><td>{g.From:u}</td><td>{g.To:u}</td><td class=\"number\">{N(g.Seconds)} s</td>")
                .Append($"<td>{Text(string.Join(", ", g.FaultsNotFired.Select(f => $"#{f.Id} {f.Kind} on {f.Target}")))}</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static string OutcomeText(FaultOutcome outcome) => outcome switch
    {
        FaultOutcome.NotApplied => "never took effect",
        FaultOutcome.Missed => "NOT RECOVERED in time",
        FaultOutcome.Interrupted => "ended by the kill of its segment",
        _ => "still recovering",
    };

    private static string Seconds(double? seconds) => seconds is { } s ? $"{N(s)} s" : "—";

    private static void Errors(StringBuilder html, IReadOnlyList<ErrorSummary> errors)
    {
        html.Append("<h2>Errors</h2>\n");
        if (errors.Count == 0)
        {
            html.Append("<p>No error was observed.</p>\n");
            return;
        }

        html.Append("<table>\n<tr><th>kind</th><th>severity</th><th>source</th><th>count</th><th>first</th><th>last</th><th>last message</th></tr>\n");
        foreach (var e in errors)
        {
            html.Append($"<tr><td>{e.Kind}</td><td>{e.Severity}</td><td>{Text(e.Source)}</td><td class=\"number\">{e.Count}</td>")
                .Append($"<td>{e.FirstAt:u}</td><td>{e.LastAt:u}</td><td>{Text(e.LastMessage)}</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void Configuration(StringBuilder html, ReportConfiguration c)
    {
        html.Append("<h2>Configuration</h2>\n<table>\n");
        Row(html, "duration", $"{N(c.DurationHours)} h");
        Row(html, "seed", c.Seed.ToString(CultureInfo.InvariantCulture));
        Row(html, "symbols", string.Join(", ", c.Symbols));
        Row(html, "market", $"{c.Market}, daily volatility {N(c.DailyVolatility)}, speed {N(c.Speed)}x");
        Row(html, "sampling", $"every {N(c.SampleIntervalSeconds)} s, progress every {N(c.ProgressIntervalSeconds)} s");
        Row(html, "database", $"{c.Database.Kind} {c.Database.Location}");
        Row(html, "thresholds", $"CPU {N(c.Criteria.MaxCpuPercent)} %, errors {N(c.Criteria.MaxErrorRatePerHour)}/h, " +
                                $"memory growth {N(c.Criteria.MaxMemoryGrowthMbPerHour)} MB/h, critical errors {c.Criteria.MaxCriticalErrors}, " +
                                $"per symbol at least {N(c.Criteria.MinOrdersPerSymbolMinute)} orders and {N(c.Criteria.MinFillsPerSymbolMinute)} fills " +
                                $"per simulated min, silent at most {N(c.Criteria.MaxSymbolSilence.TotalSeconds)} s" +
                                (c.Criteria.MaxOrderLatencyP99 is { } p99 ? $", order round trip p99 at most {N(p99.TotalMilliseconds)} ms" : ""));
        html.Append("</table>\n");
    }

    private static void Row(StringBuilder html, string name, string value) =>
        html.Append($"<tr><th>{Text(name)}</th><td>{Text(value)}</td></tr>\n");

    private static string Verdict(bool passed) => passed ? "<span class=\"pass\">pass</span>" : "<span class=\"fail\">FAIL</span>";

    private static string Outcome(CriterionOutcome outcome) =>
        outcome == CriterionOutcome.Inconclusive ? "<span class=\"inconclusive\">inconclusive</span>" : Verdict(outcome == CriterionOutcome.Pass);

    private static string N(double value) => ReportText.Number(value);

    private static string Text(string value) => WebUtility.HtmlEncode(value);
}
