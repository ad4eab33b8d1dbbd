namespace ContinuousOperation.Domain.Reporting.Charts;

/// <summary>One line of a chart. Points are (x, y) pairs of equal length; a series on the right axis has its own scale
/// (for figures of another magnitude than the rest of the chart).</summary>
public sealed record ChartSeries(string Label, IReadOnlyList<double> X, IReadOnlyList<double> Y, bool OnRightAxis = false)
{
    public bool HasPoints => X.Count > 0;
}

/// <summary>What to draw, decided from the report alone; how to draw it is the renderer's business.
/// <paramref name="Name"/> is a file-name-safe identifier (<c>memory</c>, <c>throughput</c>, …).</summary>
public sealed record ChartDefinition(
    string Name,
    string Title,
    string XLabel,
    string YLabel,
    string? RightYLabel,
    IReadOnlyList<ChartSeries> Series)
{
    public bool HasData => Series.Any(s => s.HasPoints);
}
