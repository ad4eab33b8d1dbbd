using System.Globalization;
using System.Text.Json;
using ContinuousOperation.Domain.Criteria;

namespace ContinuousOperation.Domain.Reporting;

/// <summary>How every report format words a verdict and prints a number, so the summary, the Markdown, the HTML page
/// and the JUnit file never disagree.</summary>
public static class ReportText
{
    public static string Verdict(RunReport report) => report.Interrupted ? "INTERRUPTED" : report.Success ? "PASSED" : "FAILED";

    /// <summary>The verdict, the exit code it gives and what it did not judge: <c>PASSED (exit code 0) — 1 criterion
    /// not judged: memory_stable (insufficient samples)</c>.</summary>
    public static string VerdictLine(RunReport report, int exitCode) =>
        $"{Verdict(report)} (exit code {exitCode})" + (NotJudged(report.Criteria) is { Length: > 0 } notJudged ? $" — {notJudged}" : "");

    /// <summary>The inconclusive criteria with the rule that kept each from being judged; empty when all were judged.</summary>
    public static string NotJudged(IReadOnlyList<CriterionResult> criteria)
    {
        var inconclusive = criteria.Where(c => c.Inconclusive).Select(c => $"{c.Name} ({c.Rule})").ToArray();
        return inconclusive.Length switch
        {
            0 => "",
            1 => $"1 criterion not judged: {inconclusive[0]}",
            _ => $"{inconclusive.Length} criteria not judged: {string.Join(", ", inconclusive)}",
        };
    }

    /// <summary>A criterion's outcome as the text formats print it: a failure stands out, an inconclusive one is spelt out.</summary>
    public static string Outcome(CriterionOutcome outcome) => outcome switch
    {
        CriterionOutcome.Pass => "pass",
        CriterionOutcome.Fail => "FAIL",
        _ => "inconclusive",
    };

    /// <summary>Up to three decimals, invariant culture: reports are read by tools as much as by people.</summary>
    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>An enum value as the JSON report writes it (<c>order_book</c>, <c>rejoined</c>).</summary>
    public static string Snake<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
