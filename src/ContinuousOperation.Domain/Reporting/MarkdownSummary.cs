using System.Globalization;
using System.Text;
using ContinuousOperation.Domain.Criteria;
using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Domain.Reporting;

/// <summary>The run as Markdown, sized for a CI job's step summary: the verdict, the key figures, the criteria, and
/// only what went wrong in the consistency check and the errors; on a cluster, its nodes, membership and node faults.
/// The JSON report has everything else.</summary>
public static class MarkdownSummary
{
    private const int ViolationsShown = 5;
    private const int ErrorGroupsShown = 10;

    public static string Render(RunReport report)
    {
        var text = new StringBuilder();
        var verdict = ReportText.Verdict(report);
        var c = report.Configuration;
        text.Append($"## Continuous operation run {verdict} {Mark(report.Success)}\n\n");
        text.Append($"Seed {c.Seed} · {string.Join(", ", c.Symbols)} · market {c.Market} · speed {ReportText.Number(c.Speed)}x · ")
            .Append($"{ReportText.Number(report.Metrics.UptimeHours)} h of {ReportText.Number(report.DurationHours)} h · ")
            .Append($"{report.StartedAt:u} → {report.EndedAt:u}\n\n");
        if (ReportText.NotJudged(report.Criteria) is { Length: > 0 } notJudged) text.Append($"**{notJudged}**\n\n");

        KeyFigures(text, report);
        Criteria(text, report);
        Latencies(text, report);
        Consistency(text, report.Consistency);
        if (report.Cluster is { } cluster) Cluster(text, cluster);
        Errors(text, report.ErrorAnalysis);
        return text.ToString();
    }

    private static void KeyFigures(StringBuilder text, RunReport report)
    {
        var m = report.Metrics;
        var n = ReportText.Number;
        text.Append("| figure | value |\n|---|---|\n")
            .Append($"| errors | {m.TotalErrors} ({n(m.ErrorRatePerHour)}/h; database {m.DatabaseErrors}, api {m.ApiErrors}) |\n")
            .Append($"| memory | average {n(m.AverageMemoryMb)} MB, peak {n(m.PeakMemoryMb)} MB |\n")
            .Append($"| CPU | average {n(m.AverageCpuPercent)} % of the machine |\n")
            .Append($"| orders | {m.OrdersPlaced} placed, {m.OrdersFilled} filled, {m.OrdersCancelled} cancelled |\n")
            .Append($"| positions | {m.PositionsOpened} opened, {m.PositionsClosed} closed |\n")
            .Append($"| stream reconnects | {m.WebsocketReconnects} |\n")
            .Append(report.Faults is { } faults
                ? $"| faults ({faults.Profile}) | {faults.Injected} injected, {faults.NotRecovered} not recovered |\n"
                : "")
            .Append(report.Segments is { } segments
                ? $"| segments | {segments.Segments.Count} (resumed), {n(segments.DowntimeSeconds)} s down in {segments.Gaps.Count} gap(s) |\n"
                : "")
            .Append($"| consistency | {(report.ConsistencyValid ? "valid" : "**violated**")}: ")
            .Append($"{report.Consistency.Invariants.Count(i => i.Holds)} of {report.Consistency.Invariants.Count} invariants hold |\n\n");
    }

    private static void Criteria(StringBuilder text, RunReport report)
    {
        text.Append("### Criteria\n\n| | criterion | observed | threshold | note |\n|---|---|---|---|---|\n");
        foreach (var c in report.Criteria)
        {
            text.Append($"| {Mark(c.Result)} {ReportText.Outcome(c.Result)} | {c.Name} | {ReportText.Number(c.Observed)} {Cell(c.Unit)} | ")
                .Append($"{ReportText.Number(c.Threshold)} {Cell(c.Unit)} | {Cell(c.Explanation)} |\n");
        }

        text.Append('\n');
    }

    private static void Latencies(StringBuilder text, RunReport report)
    {
        var rows = LatencyRows.Of(report);
        if (rows.Count == 0) return;

        text.Append("### Latency\n\n| | p50 | p99 | max | count |\n|---|---|---|---|---|\n");
        foreach (var (label, s) in rows)
        {
            text.Append($"| {label} | {ReportText.Number(s.P50Ms)} ms | {ReportText.Number(s.P99Ms)} ms | {ReportText.Number(s.MaxMs)} ms | {s.Count} |\n");
        }

        text.Append('\n');
    }

    private static void Consistency(StringBuilder text, ConsistencySection consistency)
    {
        var violated = consistency.Invariants.Where(i => !i.Holds).ToArray();
        if (violated.Length == 0) return;

        text.Append("### Consistency violations\n\n");
        foreach (var invariant in violated)
        {
            text.Append($"* **{invariant.Name}**: {invariant.Violations.Count} violation(s) — {Cell(invariant.Description)}\n");
            foreach (var v in invariant.Violations.Take(ViolationsShown))
            {
                text.Append($"  * {v.Symbol}: {Cell(v.Detail)} `{string.Join(", ", v.Ids)}`{FoundAt(v)}\n");
            }
        }

        text.Append('\n');
    }

    /// <summary>The nodes, every membership change (few: they come with node faults and restarts) and the node
    /// faults with their recovery times.</summary>
    private static void Cluster(StringBuilder text, ClusterSection cluster)
    {
        var n = ReportText.Number;
        text.Append("### Cluster\n\n| node | role | pid | average memory | peak memory | average CPU |\n|---|---|---|---|---|---|\n");
        foreach (var node in cluster.Nodes)
        {
            text.Append($"| {Cell(node.Name)} | {Cell(node.Role)} | {node.Pid?.ToString(CultureInfo.InvariantCulture) ?? "—"} | ")
                .Append($"{n(node.AverageMemoryMb)} MB | {n(node.PeakMemoryMb)} MB | {n(node.AverageCpuPercent)} % |\n");
        }

        text.Append($"\n{cluster.Handoffs.Count} shard handoff(s). Membership:\n\n| time | node | change |\n|---|---|---|\n");
        foreach (var m in cluster.Membership)
        {
            text.Append($"| {n(m.ElapsedSeconds)} s | {Cell(m.Node)} | {ReportText.Snake(m.Change)} |\n");
        }

        if (cluster.NodeFaults.Count > 0)
        {
            text.Append("\n| | node fault | target | time to recover | deadline |\n|---|---|---|---|---|\n");
            foreach (var f in cluster.NodeFaults)
            {
                text.Append($"| {Mark(f.Outcome == FaultOutcome.Recovered)} | #{f.Id} {f.Kind} | {Cell(f.Target)} | ")
                    .Append($"{(f.SecondsToRecover is { } s ? $"{n(s)} s" : "—")} | {n(f.DeadlineSeconds)} s |\n");
            }
        }

        text.Append('\n');
    }

    private static void Errors(StringBuilder text, IReadOnlyList<ErrorSummary> errors)
    {
        if (errors.Count == 0) return;

        text.Append("### Errors\n\n| kind | severity | source | count | last message |\n|---|---|---|---|---|\n");
        foreach (var e in errors.Take(ErrorGroupsShown))
        {
            text.Append($"| {e.Kind} | {e.Severity} | {Cell(e.Source)} | {e.Count} | {Cell(e.LastMessage)} |\n");
        }

        text.Append('\n');
    }

    private static string Mark(bool passed) => passed ? "✅" : "❌";

    private static string Mark(CriterionOutcome outcome) => outcome == CriterionOutcome.Inconclusive ? "❔" : Mark(outcome == CriterionOutcome.Pass);

    /// <summary>Free text inside a table cell: a pipe would end the cell and a line break the row.</summary>
    private static string Cell(string value) => value.Replace("|", "\\|").ReplaceLineEndings(" ");

    /// <summary>When reconciliation first found it, if known.</summary>
    private static string FoundAt(ViolationEntry violation) =>
        violation.FoundAt is { } at ? $" (found {at.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC)" : "";
}
