using ContinuousOperation.Domain.Reporting.Charts;
using ScottPlot;

namespace ContinuousOperation.Cli.Reporting;

/// <summary>Draws a <see cref="ChartDefinition"/> with ScottPlot (headless, through SkiaSharp): SVG for the HTML page,
/// PNG for people and CI systems that show pictures but not pages.</summary>
internal static class ChartRenderer
{
    public const int Width = 900;
    public const int Height = 360;

    public static string Svg(ChartDefinition chart) => Plot(chart).GetSvgXml(Width, Height);

    public static byte[] Png(ChartDefinition chart) => Plot(chart).GetImageBytes(Width, Height, ImageFormat.Png);

    private static Plot Plot(ChartDefinition chart)
    {
        var plot = new Plot();
        plot.Title(chart.Title);
        plot.XLabel(chart.XLabel);
        plot.YLabel(chart.YLabel);
        if (!chart.HasData)
        {
            plot.Add.Annotation("no samples recorded", Alignment.MiddleCenter);
            return plot;
        }

        foreach (var series in chart.Series.Where(s => s.HasPoints))
        {
            var line = plot.Add.ScatterLine(series.X.ToArray(), series.Y.ToArray());
            line.LegendText = series.OnRightAxis ? $"{series.Label} (right axis)" : series.Label;
            line.LineWidth = 2;
            if (series.OnRightAxis) line.Axes.YAxis = plot.Axes.Right;
        }

        if (chart.RightYLabel is { } rightLabel) plot.Axes.Right.Label.Text = rightLabel;
        // Below the plot, not inside it: a legend inside covers data, often the start of the run.
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        return plot;
    }
}
