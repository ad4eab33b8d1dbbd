using System.Text;
using ContinuousOperation.Domain.Reporting;

namespace ContinuousOperation.Domain.Comparison;

/// <summary>The comparison as aligned plain text: the runs, one row per figure with each run's value and its change from
/// the baseline, a <c>!</c> after each change that breaks the gate, then the gate's verdict. A warning after the runs
/// names each setting in which a later run differs from the baseline, or that a report does not record.</summary>
public static class ComparisonTable
{
    private const string RegressionMark = " !";

    public static string Render(ComparisonResult result)
    {
        var text = new StringBuilder("Runs\n");
        for (var i = 0; i < result.Runs.Count; i++)
        {
            text.Append($"  #{i + 1}  {result.Runs[i].Label}{(i == 0 ? "  (baseline)" : "")}\n");
        }

        Setup(text, result);
        var table = new List<string[]>
        {
            Row("figure", result.Runs.Select((_, i) => $"#{i + 1}")),
            Row("success", result.Runs.Select(r => r.Success ? "yes" : "NO")),
            Row("consistency", result.Runs.Select(r => r.ConsistencyValid ? "valid" : "VIOLATED")),
        };
        table.AddRange(result.Rows.Select(row => Row(
            $"{row.Figure.Name}{(row.Figure.Unit.Length > 0 ? $" ({row.Figure.Unit})" : "")}",
            row.Cells.Select(Cell))));
        text.Append('\n');
        Aligned(text, table);
        text.Append('\n').Append(Verdict(result));
        return text.ToString();
    }

    /// <summary>The one line <c>compare</c> refuses a gate with when the runs differ in setup.</summary>
    public static string Refusal(ComparisonResult result) =>
        $"the runs differ in setup ({string.Join("; ", Differences(result, result.SetupDifferences.Where(d => d.Known)))}), " +
        "so a gate would judge the setup, not the code: compare runs of the same setup, or pass --allow-mismatch to gate anyway";

    private static void Setup(StringBuilder text, ComparisonResult result)
    {
        if (result.SetupDifferences.Count == 0) return;
        text.Append(result.Mismatched
            ? "\nWARNING: the runs differ in setup; throughput, memory and CPU scale with it, so their changes say little about the code:\n"
            : "\nThe reports do not record all of their setup; the runs may differ where one says unknown:\n");
        foreach (var line in Differences(result, result.SetupDifferences)) text.Append($"  {line}\n");
    }

    /// <summary>One entry per later run: its number, then each difference (<c>#2 speed 1x vs 60x, duration …</c>).</summary>
    private static IEnumerable<string> Differences(ComparisonResult result, IEnumerable<SetupDifference> differences) =>
        differences.GroupBy(d => d.RunLabel).Select(run =>
            $"#{result.Runs.Select(r => r.Label).ToList().IndexOf(run.Key) + 1} {string.Join(", ", run)}");

    private static string Cell(FigureCell cell) =>
        cell.ChangePercent is null
            ? FigureText.Value(cell.Value)
            : $"{FigureText.Value(cell.Value)} ({FigureText.Change(cell.ChangePercent)}){(cell.Regressed ? RegressionMark : "")}";

    private static string Verdict(ComparisonResult result)
    {
        if (result.GatePercent is not { } gate) return "No gate (pass --fail-on-regression PERCENT to set one).\n";

        var text = new StringBuilder(result.Mismatched ? "Gated although the runs differ in setup (--allow-mismatch).\n" : "");
        var limit = $"{ReportText.Number(gate)} %";
        if (!result.Regressed) return text.Append($"No regression beyond {limit} against the baseline.\n").ToString();
        foreach (var regression in result.Regressions)
        {
            text.Append($"REGRESSION {regression.RunLabel}: {regression.Reason}\n");
        }

        return text.Append($"{result.Regressions.Count} regression(s) beyond {limit} against the baseline.\n").ToString();
    }

    private static string[] Row(string name, IEnumerable<string> cells) => [name, .. cells];

    private static void Aligned(StringBuilder text, IReadOnlyList<string[]> table)
    {
        var widths = Enumerable.Range(0, table[0].Length).Select(c => table.Max(row => row[c].Length)).ToArray();
        foreach (var row in table)
        {
            text.Append("  ").Append(string.Join("   ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd()).Append('\n');
        }
    }
}
