namespace ContinuousOperation.Domain.Trading;

/// <summary>Knobs of <see cref="DefaultStrategy"/>. Quantities are in lots of the instrument; probabilities are per decision.</summary>
public sealed record StrategySettings(
    int MaxLiveOrders = 3,
    int PositionLimitLots = 100,
    int MinOrderLots = 1,
    int MaxOrderLots = 20,
    double PlaceProbability = 0.6,
    double MarketOrderProbability = 0.1,
    double MarketableLimitProbability = 0.1,
    int MaxPassiveOffsetTicks = 3,
    double TakeProfitFraction = 0.001,
    double StopLossFraction = 0.001,
    double DiscretionaryCloseProbability = 0.02)
{
    /// <summary>Sim-time age after which a resting order is cancelled.</summary>
    public TimeSpan StaleOrderAge { get; init; } = TimeSpan.FromSeconds(20);

    public static readonly StrategySettings Default = new();
}
