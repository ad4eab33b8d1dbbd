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
    public void Each_character_becomes_its_glyph_at_the_position_skia_measured_for_it()
    {
        const string svg = """<svg><text transform="translate(5 6)" font-size="12" font-family="X" x="1, 9.5, 17, " y="3, ">aba</text></svg>""";

        var outlined = SvgTextOutlines.Outline(svg, ChartFont.Typeface);

        Assert.Contains("""<g transform="translate(5 6)" aria-label="aba"><use xlink:href="#glyph-0" x="1" y="3"/>""" +
                        """<use xlink:href="#glyph-1" x="9.5" y="3"/><use xlink:href="#glyph-0" x="17" y="3"/></g>""", outlined);
        Assert.Equal(2, outlined.Split("<path id=").Length - 1);
        Assert.EndsWith("</defs>\n</svg>", outlined);
    }

    [Fact]
    public void Text_whose_positions_do_not_match_its_characters_is_left_as_text()
    {
        const string svg = """<svg><text font-size="12" x="1, 2, " y="3, ">abc</text></svg>""";

        Assert.Equal(svg, SvgTextOutlines.Outline(svg, ChartFont.Typeface));
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
