using ContinuousOperation.Cli.Reporting;
using ContinuousOperation.Domain.Reporting.Charts;

namespace ContinuousOperation.Soak.Tests;

/// <summary>The charting library draws headless on this machine, through its native renderer.</summary>
public sealed class ChartRendererTests
{
    private static readonly ChartDefinition Memory = new("memory", "Memory", "minutes since start", "MB", "pause ms per minute",
    [
        new ChartSeries("working set", [0, 1, 2], [100, 110, 105]),
        new ChartSeries("pause", [1, 2], [3, 4], OnRightAxis: true),
    ]);

    [Fact]
    public void A_chart_renders_as_svg_with_its_title_labels_and_legend()
    {
        var svg = ChartRenderer.Svg(Memory);

        Assert.StartsWith("<?xml", svg);
        Assert.All(["Memory", "minutes since start", "MB", "pause ms per minute", "working set", "pause"], text => Assert.Contains(text, svg));
    }

    [Fact]
    public void A_chart_without_data_still_renders_and_says_so()
    {
        var empty = Memory with { Series = [new ChartSeries("working set", [], [])] };

        Assert.Contains("no samples recorded", ChartRenderer.Svg(empty));
        Assert.Equal((byte)'P', ChartRenderer.Png(empty)[1]);
    }
}
