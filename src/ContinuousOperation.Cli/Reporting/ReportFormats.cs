using System.Text;
using ContinuousOperation.Domain.Reporting;
using ContinuousOperation.Domain.Reporting.Charts;

namespace ContinuousOperation.Cli.Reporting;

/// <summary>The report's other forms, next to the JSON: a Markdown summary for a CI step summary, a JUnit XML file for
/// CI test views, one PNG per chart, and an HTML page with everything. Each file is written atomically.</summary>
internal static class ReportFormats
{
    public static void Write(RunFolder folder, RunReport report)
    {
        AtomicFile.Write(folder.MarkdownFile, Encoding.UTF8.GetBytes(MarkdownSummary.Render(report)));
        AtomicFile.Write(folder.JUnitFile, Encoding.UTF8.GetBytes(JUnitReport.Render(report)));

        var charts = RunCharts.Of(report);
        Directory.CreateDirectory(folder.ChartsFolder);
        foreach (var chart in charts)
        {
            AtomicFile.Write(Path.Combine(folder.ChartsFolder, $"{chart.Name}.png"), ChartRenderer.Png(chart));
        }

        var rendered = charts.Select(c => new RenderedChart(c.Name, c.Title, ChartRenderer.Svg(c))).ToArray();
        AtomicFile.Write(folder.HtmlFile, Encoding.UTF8.GetBytes(HtmlReport.Render(report, rendered)));
    }
}
