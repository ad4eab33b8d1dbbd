namespace ContinuousOperation.Domain.Reporting.Charts;

/// <summary>A chart drawn as a standalone SVG document, ready to be embedded in the HTML page.</summary>
public sealed record RenderedChart(string Name, string Title, string Svg);
