namespace ContinuousOperation.Domain.Reporting.Charts;

/// <summary>The visible span of an axis. Every figure charted is a size, a percent, a count or a rate, never
/// negative, so an axis does not go below zero unless a value does.</summary>
public sealed record AxisRange(double Min, double Max)
{
    public static readonly AxisRange Unit = new(0, 1);

    private const double Margin = 0.05;

    /// <summary>The values' span with a margin of 5 % on each side, not below zero for values that are not. No values
    /// gives 0…1; values that are all the same get a span of their own size above zero (0…1 for zeros), so that a
    /// flat line sits inside the chart rather than on an axis of ±1 around it.</summary>
    public static AxisRange Around(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        if (finite.Length == 0) return Unit;

        var (min, max) = (finite.Min(), finite.Max());
        if (max - min == 0)
        {
            var size = Math.Max(Math.Abs(min), 1);
            return min >= 0 ? new AxisRange(0, min + size) : new AxisRange(min - size, max + size);
        }

        var margin = (max - min) * Margin;
        return new AxisRange(min >= 0 ? Math.Max(0, min - margin) : min - margin, max + margin);
    }

    /// <summary>From zero to the largest value (0…1 when there is none).</summary>
    public static AxisRange FromZero(IEnumerable<double> values)
    {
        var max = values.Where(double.IsFinite).DefaultIfEmpty(0).Max();
        return max > 0 ? new AxisRange(0, max) : Unit;
    }
}
