using ContinuousOperation.Domain.Criteria;

namespace ContinuousOperation.Domain.Reporting;

/// <summary>
/// The last lines a run prints, after its summary: where the report is, then the verdict with the process's real exit
/// code. Nothing is printed after them, so the last line of a run's output is always the verdict, for a person and for
/// a CI log alike.
/// </summary>
public static class RunEnding
{
    /// <param name="files">The report's files to point at, by what they are (<c>report.html</c>, the JSON, …).</param>
    public static string Render(RunReport report, int exitCode, IReadOnlyList<(string What, string Path)> files)
    {
        var width = files.Count == 0 ? 0 : files.Max(f => f.What.Length);
        var lines = files.Select(f => $"  {(f.What + ":").PadRight(width + 1)} {f.Path}").Prepend("Report").Prepend("").Append(VerdictLine(report, exitCode));
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }

    /// <summary><c>PASSED (exit 0): all 7 criteria pass</c>, <c>FAILED (exit 1): memory_stable failed</c>,
    /// <c>INTERRUPTED (exit 130): …</c>; criteria that could not be judged are named after it.</summary>
    public static string VerdictLine(RunReport report, int exitCode)
    {
        var failed = report.Criteria.Where(c => c.Failed).Select(c => c.Name).ToArray();
        var passed = report.Criteria.Count(c => c.Result == CriterionOutcome.Pass);
        var failures = failed.Length == 0 ? "" : $"{string.Join(", ", failed)} failed";
        var why = report.Interrupted
            ? "stopped before its end; the report covers what ran" + (failures.Length > 0 ? $"; {failures}" : "")
            : failures.Length > 0 ? failures
            : passed == report.Criteria.Count ? $"all {passed} criteria pass"
            : $"{passed} of {report.Criteria.Count} criteria pass";
        var notJudged = ReportText.NotJudged(report.Criteria);
        return $"{ReportText.Verdict(report)} (exit {exitCode}): {why}{(notJudged.Length > 0 ? $"; {notJudged}" : "")}";
    }
}
