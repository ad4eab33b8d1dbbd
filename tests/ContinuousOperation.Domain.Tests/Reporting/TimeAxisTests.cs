using ContinuousOperation.Domain.Reporting.Charts;

namespace ContinuousOperation.Domain.Tests.Reporting;

public sealed class TimeAxisTests
{
    [Theory]
    [InlineData(20, "minutes since start", 1.5, 90)]
    [InlineData(3 * 3600, "minutes since start", 180, 3 * 3600)]
    [InlineData(24 * 3600, "hours since start", 1.5, 90 * 60)]
    public void Short_runs_are_drawn_in_minutes_and_long_ones_in_hours(double runSeconds, string label, double position, double elapsedSeconds)
    {
        var axis = TimeAxis.For(runSeconds);

        Assert.Equal(label, axis.Label);
        Assert.Equal(position, axis.Position(elapsedSeconds));
    }
}
