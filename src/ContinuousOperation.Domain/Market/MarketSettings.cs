namespace ContinuousOperation.Domain.Market;

public enum MarketCondition
{
    Trending,
    Ranging,
    Volatile,
    /// <summary>Switches between the other three at random (seeded) regime boundaries.</summary>
    Mixed,
}

/// <summary>How a symbol's market behaves. <see cref="DailyVolatility"/> is the standard deviation of the daily log return
/// in the trending and ranging regimes (0.03 = 3 %); the volatile regime multiplies it.</summary>
public sealed record MarketSettings(
    MarketCondition Condition = MarketCondition.Mixed,
    double DailyVolatility = 0.03,
    int DepthLevels = 20,
    double MinTradesPerSecond = 1,
    double MaxTradesPerSecond = 10);
