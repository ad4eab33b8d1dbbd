using System.Text;
using ContinuousOperation.Domain.Reporting;

namespace ContinuousOperation.Domain.Comparison;

/// <summary>The comparison as aligned plain text: the runs, one row per figure with each run's value and its change from
/// the baseline, a <c>!</c> after each change that breaks the gate, then the gate's verdict.</summary>
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

    private static string Cell(FigureCell cell) =>
        cell.ChangePercent is null
            ? FigureText.Value(cell.Value)
            : $"{FigureText.Value(cell.Value)} ({FigureText.Change(cell.ChangePercent)}){(cell.Regressed ? RegressionMark : "")}";

    private static string Verdict(ComparisonResult result)
    {
        if (result.GatePercent is not { } gate) return "No gate (pass --fail-on-regression PERCENT to set one).\n";

        var text = new StringBuilder();
        var limit = $"{ReportText.Number(gate)} %";
        if (!result.Regressed) return $"No regression beyond {limit} against the baseline.\n";
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
