using ContinuousOperation.Domain.Reporting.Charts;
using ScottPlot;

namespace ContinuousOperation.Cli.Reporting;

/// <summary>Draws a <see cref="ChartDefinition"/> with ScottPlot (headless, through SkiaSharp): SVG for the HTML page,
/// PNG for people and CI systems that show pictures but not pages. Text is set in the embedded
/// <see cref="ChartFont"/>, and in the SVG as glyph outlines (<see cref="SvgTextOutlines"/>), so both look the same on
/// every machine. Measured lines are solid; a trend fitted to one is dashed and a limit dotted, in its colour.</summary>
internal static class ChartRenderer
{
    public const int Width = 900;
    public const int Height = 360;

    private const float TickFontSize = 13;
    private const float LabelFontSize = 14;

    public static string Svg(ChartDefinition chart) => SvgTextOutlines.Outline(Plot(chart).GetSvgXml(Width, Height), ChartFont.Typeface);

    public static byte[] Png(ChartDefinition chart) => Plot(chart).GetImageBytes(Width, Height, ImageFormat.Png);

    private static Plot Plot(ChartDefinition chart)
    {
        ChartFont.Register();
        var plot = new Plot();
        plot.Font.Set(ChartFont.Name);
        plot.Legend.FontName = ChartFont.Name;
        plot.Title(chart.Title);
        plot.XLabel(chart.XLabel);
        plot.YLabel(chart.YLabel);
        if (chart.RightYLabel is { } rightLabel) plot.Axes.Right.Label.Text = rightLabel;
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.TickLabelStyle.FontSize = TickFontSize;
            axis.Label.FontSize = LabelFontSize;
        }

        Limits(plot, chart);
        if (!chart.HasData)
        {
            plot.Add.Annotation("no samples recorded", Alignment.MiddleCenter);
            return plot;
        }

        foreach (var band in chart.Bands)
        {
            var span = plot.Add.HorizontalSpan(band.From, band.To, Colors.Gray.WithAlpha(0.15));
            span.LegendText = band.Label;
            span.LineWidth = 0;
        }

        Lines(plot, chart);
        // Below the plot, not inside it: a legend inside covers data, often the start of the run.
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        return plot;
    }

    private static void Lines(Plot plot, ChartDefinition chart)
    {
        var colours = new Dictionary<string, Color>();
        foreach (var series in chart.Series.Where(s => s.HasPoints))
        {
            var colour = series.Of is { } owner && colours.TryGetValue(owner, out var of) ? of : plot.Add.Palette.GetColor(colours.Count);
            if (series.Kind == SeriesKind.Measured) colours.TryAdd(series.Label, colour);

            var line = plot.Add.ScatterLine(series.X.ToArray(), series.Y.ToArray(), colour);
            line.LegendText = series.OnRightAxis ? $"{series.Label} (right axis)" : series.Label;
            line.LineWidth = series.Kind == SeriesKind.Measured ? 2 : 1.5f;
            line.LinePattern = series.Kind switch
            {
                SeriesKind.Trend => LinePattern.Dashed,
                SeriesKind.Limit => LinePattern.Dotted,
                _ => LinePattern.Solid,
            };
            if (series.OnRightAxis) line.Axes.YAxis = plot.Axes.Right;
        }
    }

    /// <summary>The ranges the definition decided, not the library's autoscale (which puts a flat zero line on −1…1).</summary>
    private static void Limits(Plot plot, ChartDefinition chart)
    {
        var (x, left, right) = (chart.XRange, chart.LeftRange, chart.RightRange);
        plot.Axes.SetLimitsX(x.Min, x.Max);
        plot.Axes.SetLimitsY(left.Min, left.Max);
        if (chart.Series.Any(s => s.OnRightAxis)) plot.Axes.SetLimitsY(right.Min, right.Max, plot.Axes.Right);
    }
}
