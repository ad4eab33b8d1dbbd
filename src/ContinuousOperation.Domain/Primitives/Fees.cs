namespace ContinuousOperation.Domain.Primitives;

/// <summary>Venue fee schedule, as fractions of notional. Fees are rounded to 8 decimals so cash stays decimal-exact.</summary>
public sealed record FeeSchedule(decimal MakerRate, decimal TakerRate)
{
    public static readonly FeeSchedule Default = new(MakerRate: 0.0002m, TakerRate: 0.0005m);

    public decimal Fee(decimal price, decimal quantity, bool isMaker) =>
        Math.Round(price * quantity * (isMaker ? MakerRate : TakerRate), 8, MidpointRounding.AwayFromZero);
}
