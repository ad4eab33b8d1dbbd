namespace ContinuousOperation.Domain.Reporting.Charts;

/// <summary>The x axis of every chart: minutes since the start for runs up to three hours, hours beyond, so that
/// the tick labels stay readable from a 20-second smoke test to a 48-hour soak.</summary>
public sealed record TimeAxis(string Label, double SecondsPerUnit)
{
    private const double HoursFrom = 3 * 3600;

    public static TimeAxis For(double runSeconds) =>
        runSeconds > HoursFrom ? new TimeAxis("hours since start", 3600) : new TimeAxis("minutes since start", 60);

    public double Position(double elapsedSeconds) => elapsedSeconds / SecondsPerUnit;
}
