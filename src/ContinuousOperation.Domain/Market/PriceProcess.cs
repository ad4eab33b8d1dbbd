namespace ContinuousOperation.Domain.Market;

/// <summary>
/// The fair price of one symbol: a log-price process on the simulated clock, driven by a seeded random source.
/// A single-condition market keeps one regime for the whole run; <see cref="MarketCondition.Mixed"/> draws a new regime
/// (any of the three, with fresh trend direction or anchor) after exponentially distributed durations.
/// </summary>
public sealed class PriceProcess
{
    public static readonly TimeSpan MeanRegimeDuration = TimeSpan.FromMinutes(30);

    private static readonly MarketCondition[] MixedRegimes = [MarketCondition.Trending, MarketCondition.Ranging, MarketCondition.Volatile];

    private readonly MarketSettings _settings;
    private readonly Random _random;
    private double _logPrice;
    private TimeSpan _regimeRemaining;

    public PriceProcess(MarketSettings settings, double initialPrice, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(initialPrice);
        _settings = settings;
        _random = random;
        _logPrice = Math.Log(initialPrice);
        CurrentRegime = DrawRegime();
        _regimeRemaining = DrawRegimeDuration();
    }

    public double FairPrice => Math.Exp(_logPrice);

    /// <summary>The regime in force; never <see cref="MarketCondition.Mixed"/>.</summary>
    public MarketCondition Regime => CurrentRegime.Condition;

    /// <summary>Standard deviation of the daily log return in the current regime.</summary>
    public double DailyVolatility => CurrentRegime.DailyVolatility;

    internal IPriceRegime CurrentRegime { get; private set; }

    /// <summary>Moves the price by one step. Regime switches happen at step boundaries, which is fine-grained enough
    /// for regimes lasting tens of minutes.</summary>
    public void Advance(TimeSpan simDt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(simDt, TimeSpan.Zero);
        _regimeRemaining -= simDt;
        if (_regimeRemaining <= TimeSpan.Zero)
        {
            CurrentRegime = DrawRegime();
            _regimeRemaining = DrawRegimeDuration();
        }

        _logPrice = CurrentRegime.Step(_logPrice, simDt.TotalDays, _random.NextStandardNormal());
    }

    private IPriceRegime DrawRegime()
    {
        var condition = _settings.Condition == MarketCondition.Mixed
            ? MixedRegimes[_random.Next(MixedRegimes.Length)]
            : _settings.Condition;
        return condition switch
        {
            MarketCondition.Trending => new TrendingRegime(_settings.DailyVolatility, _random.Next(2) == 0 ? -1 : 1),
            MarketCondition.Ranging => new RangingRegime(_settings.DailyVolatility, _logPrice),
            MarketCondition.Volatile => new VolatileRegime(_settings.DailyVolatility),
            _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, "not a concrete regime"),
        };
    }

    private TimeSpan DrawRegimeDuration() =>
        _settings.Condition == MarketCondition.Mixed
            ? MeanRegimeDuration * _random.NextUnitExponential()
            : TimeSpan.MaxValue;
}
