namespace ContinuousOperation.Domain.Criteria;

/// <summary>
/// The Theil–Sen estimator: the median of the slopes between every pair of points. Unlike least squares it ignores up
/// to ~29 % of outliers, so one GC spike or a burst of allocations does not read as a leak; only a sustained trend does.
/// </summary>
public static class TheilSenSlope
{
    /// <summary>The pairwise estimator is quadratic; thinning a long series (48 h at 30 s is ~5,800 samples) to evenly
    /// spaced points keeps it to half a million pairs while preserving the trend.</summary>
    public const int MaxPoints = 1_000;

    /// <summary>Slope of <paramref name="y"/> per unit of <paramref name="x"/>; zero when fewer than two distinct x.</summary>
    public static double Estimate(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count != y.Count) throw new ArgumentException("x and y must have the same length", nameof(y));

        var indices = Thinned(x.Count);
        var slopes = new List<double>(indices.Count * (indices.Count - 1) / 2);
        for (var i = 0; i < indices.Count; i++)
        for (var j = i + 1; j < indices.Count; j++)
        {
            var dx = x[indices[j]] - x[indices[i]];
            if (dx != 0) slopes.Add((y[indices[j]] - y[indices[i]]) / dx);
        }

        return Median(slopes);
    }

    private static IReadOnlyList<int> Thinned(int count)
    {
        if (count <= MaxPoints) return Enumerable.Range(0, count).ToArray();
        var step = (double)(count - 1) / (MaxPoints - 1);
        return Enumerable.Range(0, MaxPoints).Select(k => (int)Math.Round(k * step)).ToArray();
    }

    private static double Median(List<double> values)
    {
        if (values.Count == 0) return 0;
        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
