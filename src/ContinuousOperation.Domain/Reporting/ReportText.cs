using System.Globalization;
using System.Text.Json;

namespace ContinuousOperation.Domain.Reporting;

/// <summary>How every report format words a verdict and prints a number, so the summary, the Markdown, the HTML page
/// and the JUnit file never disagree.</summary>
public static class ReportText
{
    public static string Verdict(RunReport report) => report.Interrupted ? "INTERRUPTED" : report.Success ? "PASSED" : "FAILED";

    /// <summary>Up to three decimals, invariant culture: reports are read by tools as much as by people.</summary>
    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>An enum value as the JSON report writes it (<c>order_book</c>, <c>rejoined</c>).</summary>
    public static string Snake<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
