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

    /// <summary>Live orders, stale ones whose cancels are not yet confirmed included, beyond which no order is placed.
    /// A stale order frees its slot as soon as its cancel is asked for; when the venue's replies lag by many simulated
    /// seconds (a busy machine at speed 400), slots would free faster than cancels settle and the orders in flight
    /// would grow without bound.</summary>
    public int MaxUnsettledOrders { get; init; } = 6;

    public static readonly StrategySettings Default = new();
}
