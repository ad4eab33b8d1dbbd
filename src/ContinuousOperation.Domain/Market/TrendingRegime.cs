namespace ContinuousOperation.Domain.Market;

/// <summary>Brownian motion with drift: the log price moves by <see cref="DriftInVolatilities"/> standard deviations a day
/// in the direction drawn when the regime starts.</summary>
internal sealed class TrendingRegime(double dailyVolatility, int direction) : IPriceRegime
{
    public const double DriftInVolatilities = 2.0;

    private readonly double _dailyDrift = Math.Sign(direction) * DriftInVolatilities * dailyVolatility;

    public MarketCondition Condition => MarketCondition.Trending;

    public double DailyVolatility => dailyVolatility;

    public int Direction => Math.Sign(direction);

    public double Step(double logPrice, double dtDays, double standardNormal) =>
        logPrice + _dailyDrift * dtDays + dailyVolatility * Math.Sqrt(dtDays) * standardNormal;
}
