namespace ContinuousOperation.Domain.Reporting.Charts;

/// <summary>A level that holds until the next reading: each change is drawn as a vertical step at the reading that saw
/// it, never as a slope that would suggest a count grew gradually between two readings.</summary>
public static class StepLine
{
    public static ChartSeries Of(string label, TimeAxis axis, IEnumerable<(double ElapsedSeconds, double Value)> readings)
    {
        var (x, y) = (new List<double>(), new List<double>());
        foreach (var (seconds, value) in readings)
        {
            if (y.Count > 0)
            {
                x.Add(axis.Position(seconds));
                y.Add(y[^1]);
            }

            x.Add(axis.Position(seconds));
            y.Add(value);
        }

        return new ChartSeries(label, x, y);
    }
}
