using ContinuousOperation.Domain.Market;

namespace ContinuousOperation.Domain.Tests.Market;

public sealed class PriceProcessTests
{
    private const double Volatility = 0.03;
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(1);

    [Theory]
    [InlineData(MarketCondition.Trending, 1.0)]
    [InlineData(MarketCondition.Ranging, 1.0)]
    [InlineData(MarketCondition.Volatile, 2.5)]
    public void Realised_daily_volatility_matches_the_configured_one(MarketCondition condition, double multiplier)
    {
        var logPrices = Path(condition, seed: 1, days: 20);

        var returns = logPrices.Zip(logPrices.Skip(1), (a, b) => b - a).ToArray();
        var mean = returns.Average();
        var stepVariance = returns.Sum(r => (r - mean) * (r - mean)) / (returns.Length - 1);
        var dailyVolatility = Math.Sqrt(stepVariance / Step.TotalDays);

        Assert.InRange(dailyVolatility, 0.85 * multiplier * Volatility, 1.15 * multiplier * Volatility);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Trending_market_drifts_in_the_direction_of_its_regime(int seed)
    {
        var process = new PriceProcess(new MarketSettings(MarketCondition.Trending, Volatility), 100, new Random(seed));
        var direction = ((TrendingRegime)process.CurrentRegime).Direction;
        const int days = 50;

        for (var i = 0; i < days * 1440; i++) process.Advance(Step);

        var driftPerDay = Math.Log(process.FairPrice / 100) / days;
        var expected = direction * TrendingRegime.DriftInVolatilities * Volatility;
        Assert.InRange(driftPerDay, expected - 0.25 * Math.Abs(expected), expected + 0.25 * Math.Abs(expected));
    }

    [Fact]
    public void Ranging_market_stays_near_its_anchor_where_a_random_walk_wanders()
    {
        const int days = 20;
        var ranging = Path(MarketCondition.Ranging, seed: 2, days);

        var spread = Math.Sqrt(ranging.Average(x => (x - ranging[0]) * (x - ranging[0])));

        // A driftless walk's mean squared distance from its start over [0, T] is σ²T/2; mean reversion with a 30-minute
        // half-life confines it to about σ/√(2θ), which is more than ten times smaller here.
        var randomWalkSpread = Volatility * Math.Sqrt(days / 2.0);
        Assert.True(spread < randomWalkSpread / 10, $"spread {spread:F4} vs random walk {randomWalkSpread:F4}");
    }

    [Fact]
    public void Mixed_market_switches_among_all_three_regimes_about_every_half_hour()
    {
        var process = new PriceProcess(new MarketSettings(MarketCondition.Mixed, Volatility), 100, new Random(5));
        var visited = new HashSet<MarketCondition>();
        var changes = 0;
        const int days = 10;

        for (var i = 0; i < days * 1440; i++)
        {
            var before = process.Regime;
            process.Advance(Step);
            visited.Add(process.Regime);
            if (process.Regime != before) changes++;
        }

        // Draws happen every 30 minutes on average and two in three of them pick a different regime.
        var expectedChanges = days * 48 * 2.0 / 3;
        Assert.Equal([MarketCondition.Trending, MarketCondition.Ranging, MarketCondition.Volatile], visited.Order());
        Assert.InRange(changes, 0.8 * expectedChanges, 1.2 * expectedChanges);
    }

    [Fact]
    public void Same_seed_gives_the_same_path_and_another_seed_does_not()
    {
        Assert.Equal(Path(MarketCondition.Mixed, seed: 9, days: 1), Path(MarketCondition.Mixed, seed: 9, days: 1));
        Assert.NotEqual(Path(MarketCondition.Mixed, seed: 9, days: 1), Path(MarketCondition.Mixed, seed: 10, days: 1));
    }

    private static double[] Path(MarketCondition condition, int seed, int days)
    {
        var process = new PriceProcess(new MarketSettings(condition, Volatility), 100, new Random(seed));
        var logPrices = new double[days * 1440 + 1];
        logPrices[0] = Math.Log(process.FairPrice);
        for (var i = 1; i < logPrices.Length; i++)
        {
            process.Advance(Step);
            logPrices[i] = Math.Log(process.FairPrice);
        }

        return logPrices;
    }
}
