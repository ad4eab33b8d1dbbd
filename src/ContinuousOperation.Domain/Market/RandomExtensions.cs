namespace ContinuousOperation.Domain.Market;

internal static class RandomExtensions
{
    /// <summary>A standard normal draw (Box–Muller). 1 − U keeps the logarithm's argument in (0, 1].</summary>
    public static double NextStandardNormal(this Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>An exponential draw with mean 1.</summary>
    public static double NextUnitExponential(this Random random) => -Math.Log(1 - random.NextDouble());

    public static double NextDouble(this Random random, double min, double max) => min + (max - min) * random.NextDouble();
}
