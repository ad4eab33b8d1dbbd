namespace ContinuousOperation.Domain.Market;

/// <summary>Ornstein–Uhlenbeck mean reversion of the log price to the level where the regime started.
/// <see cref="DailyVolatility"/> is the instantaneous volatility (short-horizon moves scale like a random walk's);
/// over hours the price stays within a band around the anchor.</summary>
internal sealed class RangingRegime(double dailyVolatility, double anchorLogPrice) : IPriceRegime
{
    public static readonly TimeSpan HalfLife = TimeSpan.FromMinutes(30);

    private static readonly double ReversionPerDay = Math.Log(2) / HalfLife.TotalDays;

    public MarketCondition Condition => MarketCondition.Ranging;

    public double DailyVolatility => dailyVolatility;

    // Exact discretisation of the OU process, so the statistics do not depend on the step size the caller chooses.
    public double Step(double logPrice, double dtDays, double standardNormal)
    {
        var decay = Math.Exp(-ReversionPerDay * dtDays);
        var stepStdDev = dailyVolatility * Math.Sqrt((1 - decay * decay) / (2 * ReversionPerDay));
        return anchorLogPrice + (logPrice - anchorLogPrice) * decay + stepStdDev * standardNormal;
    }
}
