using ContinuousOperation.Domain.Criteria;

namespace ContinuousOperation.Domain.Tests.Criteria;

public sealed class TheilSenSlopeTests
{
    [Fact]
    public void Outliers_do_not_move_the_slope_much()
    {
        var x = Enumerable.Range(0, 40).Select(i => (double)i).ToArray();
        var y = x.Select(v => 2 * v).ToArray();
        y[10] = 500;
        y[25] = -400;

        Assert.InRange(TheilSenSlope.Fit(x, y).Slope, 1.9, 2.1);
    }

    [Fact]
    public void Long_series_are_thinned_but_keep_the_trend()
    {
        var x = Enumerable.Range(0, TheilSenSlope.MaxPoints * 3).Select(i => i / 100.0).ToArray();
        var y = x.Select(v => -5 * v + Math.Sin(v * 50)).ToArray();

        Assert.InRange(TheilSenSlope.Fit(x, y).Slope, -5.2, -4.8);
    }

    [Fact]
    public void Fewer_than_two_distinct_points_have_no_slope()
    {
        Assert.Equal(0, TheilSenSlope.Fit([], []).Slope);
        Assert.Equal(0, TheilSenSlope.Fit([1, 1, 1], [5, 6, 7]).Slope);
    }

    [Fact]
    public void The_fit_of_an_exact_line_explains_everything()
    {
        double[] x = [0, 1, 2, 3, 4];
        var y = x.Select(v => 3 * v + 7).ToArray();

        var fit = TheilSenSlope.Fit(x, y);

        Assert.Equal((3, 7, 1), (fit.Slope, fit.Intercept, fit.RSquared));
    }

    [Fact]
    public void The_fit_of_noise_around_a_level_explains_almost_nothing()
    {
        var noise = new Random(11);
        var x = Enumerable.Range(0, 200).Select(i => (double)i).ToArray();
        var y = x.Select(_ => 100 + noise.NextDouble()).ToArray();

        Assert.InRange(TheilSenSlope.Fit(x, y).RSquared, -0.1, 0.1);
    }

    [Fact]
    public void A_flat_series_is_described_exactly_by_a_flat_line()
    {
        Assert.Equal(new LineFit(0, 5, 1), TheilSenSlope.Fit([0, 1, 2], [5, 5, 5]));
    }
}
