namespace ContinuousOperation.Domain.Market;

/// <summary>Driftless random walk with <see cref="VolatilityMultiplier"/> times the configured volatility.</summary>
internal sealed class VolatileRegime(double baseDailyVolatility) : IPriceRegime
{
    public const double VolatilityMultiplier = 2.5;

    public MarketCondition Condition => MarketCondition.Volatile;

    public double DailyVolatility { get; } = baseDailyVolatility * VolatilityMultiplier;

    public double Step(double logPrice, double dtDays, double standardNormal) =>
        logPrice + DailyVolatility * Math.Sqrt(dtDays) * standardNormal;
}
