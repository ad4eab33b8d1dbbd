namespace ContinuousOperation.Domain.Market;

/// <summary>The dynamics of the log price during one market regime.</summary>
internal interface IPriceRegime
{
    MarketCondition Condition { get; }

    /// <summary>Standard deviation of the daily log return while this regime lasts.</summary>
    double DailyVolatility { get; }

    /// <summary>The log price after <paramref name="dtDays"/>, given one standard normal draw.</summary>
    double Step(double logPrice, double dtDays, double standardNormal);
}
