namespace ContinuousOperation.Domain.Reporting.Charts;

/// <summary>A reading of a cumulative counter: its value (null when the sample did not record it) at a time.</summary>
public readonly record struct CumulativeReading(double ElapsedSeconds, double? Count);

/// <summary>Turns a cumulative counter (orders placed, collections, GC pause) into a rate per minute: the difference
/// between consecutive readings over the time between them, placed at the later reading.</summary>
public static class CumulativeRate
{
    /// <summary>Pairs with a missing value, no elapsed time, or a count that went down (a counter that restarted, so
    /// the difference means nothing) are left out rather than drawn as a false spike or dip.</summary>
    public static IReadOnlyList<(double ElapsedSeconds, double PerMinute)> PerMinute(IReadOnlyList<CumulativeReading> readings)
    {
        var rates = new List<(double, double)>();
        for (var i = 1; i < readings.Count; i++)
        {
            var (previous, current) = (readings[i - 1], readings[i]);
            var seconds = current.ElapsedSeconds - previous.ElapsedSeconds;
            if (previous.Count is not { } before || current.Count is not { } after || seconds <= 0 || after < before) continue;
            rates.Add((current.ElapsedSeconds, (after - before) / seconds * 60));
        }

        return rates;
    }
}
