namespace ContinuousOperation.Domain.Criteria;

/// <summary>A straight line fitted to a series, and how much of the series' variance it explains.</summary>
/// <param name="RSquared">1 − (residual sum of squares / total sum of squares) of this line: 1 for points exactly on
/// it, about 0 for a line no better than the mean, below 0 for a worse one. Computed for the robust line rather than
/// the least-squares one, so it says how well <em>the slope being judged</em> describes the data.</param>
public readonly record struct LineFit(double Slope, double Intercept, double RSquared)
{
    public static readonly LineFit None = new(0, 0, 0);
}

/// <summary>
/// The Theil–Sen estimator: the median of the slopes between every pair of points. Unlike least squares it ignores up
/// to ~29 % of outliers, so one GC spike or a burst of allocations does not read as a leak; only a sustained trend does.
/// </summary>
public static class TheilSenSlope
{
    /// <summary>The pairwise estimator is quadratic; thinning a long series (48 h at 30 s is ~5,800 samples) to evenly
    /// spaced points keeps it to half a million pairs while preserving the trend.</summary>
    public const int MaxPoints = 1_000;

    /// <summary>The Theil–Sen line (intercept: the median of <c>y − slope·x</c>) and its R² over every point.
    /// <see cref="LineFit.None"/> when fewer than two distinct x.</summary>
    public static LineFit Fit(IReadOnlyList<double> x, IReadOnlyList<double> y)
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

        if (slopes.Count == 0) return LineFit.None;
        var slope = Median(slopes);
        var intercept = Median(Enumerable.Range(0, x.Count).Select(i => y[i] - slope * x[i]).ToList());
        return new LineFit(slope, intercept, RSquared(x, y, slope, intercept));
    }

    private static double RSquared(IReadOnlyList<double> x, IReadOnlyList<double> y, double slope, double intercept)
    {
        var mean = y.Average();
        double residual = 0, total = 0;
        for (var i = 0; i < x.Count; i++)
        {
            residual += Math.Pow(y[i] - (intercept + slope * x[i]), 2);
            total += Math.Pow(y[i] - mean, 2);
        }

        // A perfectly flat series has nothing to explain: a flat line describes it exactly, any other not at all.
        if (total == 0) return residual == 0 ? 1 : 0;
        return 1 - residual / total;
    }

    private static IReadOnlyList<int> Thinned(int count)
    {
        if (count <= MaxPoints) return Enumerable.Range(0, count).ToArray();
        var step = (double)(count - 1) / (MaxPoints - 1);
        return Enumerable.Range(0, MaxPoints).Select(k => (int)Math.Round(k * step)).ToArray();
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
