using ContinuousOperation.Cli.Reporting;
using ContinuousOperation.Domain.Reporting.Charts;

namespace ContinuousOperation.Soak.Tests;

/// <summary>The charting library draws headless on this machine, through its native renderer, in the embedded font.</summary>
public sealed class ChartRendererTests
{
    private static readonly ChartDefinition Memory = new("memory", "Memory", "minutes since start", "MB", "pause ms per minute",
    [
        new ChartSeries("working set", [0, 1, 2], [100, 110, 105]),
        new ChartSeries("pause", [1, 2], [3, 4], OnRightAxis: true),
    ]);

    [Fact]
    public void A_chart_renders_as_svg_with_its_title_labels_and_legend_as_glyph_outlines()
    {
        var svg = ChartRenderer.Svg(Memory);

        Assert.StartsWith("<?xml", svg);
        Assert.All(["Memory", "minutes since start", "MB", "pause ms per minute", "working set", "pause"],
            text => Assert.Contains($"aria-label=\"{text}", svg));
        // No text is left for a viewer to set in a font of its own; the glyphs are defined once and placed.
        Assert.DoesNotContain("<text", svg);
        Assert.DoesNotContain("font-family", svg);
        Assert.Contains("<use xlink:href=\"#glyph-0\"", svg);
        Assert.Contains("<path id=\"glyph-0\" d=\"M", svg);
    }

    [Fact]
    public void The_chart_font_is_the_embedded_dejavu_sans_whatever_the_machine_has()
    {
        Assert.Equal("DejaVu Sans", ChartFont.Typeface.FamilyName);
        Assert.True(ChartFont.Typeface.GlyphCount > 1000);
    }

    [Fact]
    public void A_chart_without_data_still_renders_and_says_so()
    {
        var empty = Memory with { Series = [new ChartSeries("working set", [], [])] };

        Assert.Contains("no samples recorded", ChartRenderer.Svg(empty));
        Assert.Equal((byte)'P', ChartRenderer.Png(empty)[1]);
    }
}
