namespace ContinuousOperation.Domain.Reporting.Charts;

/// <summary>What a line of a chart stands for: a measured series, a line fitted to one (what a criterion judged), or a
/// criterion's limit. Fitted lines and limits are drawn in the colour of the measured series they belong to.</summary>
public enum SeriesKind
{
    Measured,
    Trend,
    Limit,
}

/// <summary>One line of a chart. Points are (x, y) pairs of equal length; a series on the right axis has its own scale
/// (for figures of another magnitude than the rest of the chart).</summary>
public sealed record ChartSeries(string Label, IReadOnlyList<double> X, IReadOnlyList<double> Y, bool OnRightAxis = false)
{
    public SeriesKind Kind { get; init; } = SeriesKind.Measured;

    /// <summary>The label of the measured series a trend or limit belongs to; null for a measured series.</summary>
    public string? Of { get; init; }

    public bool HasPoints => X.Count > 0;
}

/// <summary>A stretch of the x axis shaded and named, such as the warm-up the memory trend leaves out.</summary>
public sealed record ChartBand(string Label, double From, double To);

/// <summary>What to draw, decided from the report alone; how to draw it is the renderer's business.
/// <paramref name="Name"/> is a file-name-safe identifier (<c>memory</c>, <c>throughput</c>, …). The axis ranges are
/// decided here too, so that they can be tested: an empty or flat series gets a sane axis rather than the renderer's
/// −1…1 around zero.</summary>
public sealed record ChartDefinition(
    string Name,
    string Title,
    string XLabel,
    string YLabel,
    string? RightYLabel,
    IReadOnlyList<ChartSeries> Series)
{
    public IReadOnlyList<ChartBand> Bands { get; init; } = [];

    /// <summary>Only measured points count: a limit or a fitted line alone is not data.</summary>
    public bool HasData => Series.Any(s => s.Kind == SeriesKind.Measured && s.HasPoints);

    /// <summary>From the start of the run (0) to the last point or band.</summary>
    public AxisRange XRange => AxisRange.FromZero(Series.SelectMany(s => s.X).Concat(Bands.Select(b => b.To)));

    public AxisRange LeftRange => AxisRange.Around(Series.Where(s => !s.OnRightAxis).SelectMany(s => s.Y));

    public AxisRange RightRange => AxisRange.Around(Series.Where(s => s.OnRightAxis).SelectMany(s => s.Y));
}
