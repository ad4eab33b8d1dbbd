namespace ContinuousOperation.Domain.Exchange;

/// <summary>
/// Whole multiples of one decimal step: an instrument's tick for prices, its lot for quantities. The book counts in
/// these integers and turns them into <c>decimal</c> only at its edges. Both directions work on the decimal's own
/// parts (a mantissa and a power of ten) instead of decimal division and multiplication, which cost more than the
/// whole matching step around them: a step is <c>stepMantissa × 10^-stepScale</c>, so a value <c>m × 10^-s</c> is
/// <c>m × 10^(stepScale − s) / stepMantissa</c> steps.
/// </summary>
internal readonly struct UnitGrid
{
    private static readonly long[] PowersOfTen =
        [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000,
         100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000, 1_000_000_000_000_000,
         10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000];

    private readonly decimal _step;
    private readonly long _stepMantissa;
    private readonly byte _stepScale;

    public UnitGrid(decimal step)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(step);
        if (!TrySplit(step, out _stepMantissa, out _stepScale))
            throw new ArgumentOutOfRangeException(nameof(step), step, "A grid step needs a mantissa below 2^63.");
        _step = step;
    }

    /// <summary>How many steps <paramref name="value"/> is; it must lie on the grid, as the venue's admission rules
    /// and the liquidity provider make sure it does.</summary>
    public long ToUnits(decimal value)
    {
        if (!TrySplit(value, out var mantissa, out var scale)) return ToUnitsByDivision(value);
        var shift = _stepScale - scale;
        if (Math.Abs(shift) >= PowersOfTen.Length) return ToUnitsByDivision(value);

        long scaled;
        if (shift >= 0)
        {
            var high = Math.BigMul(mantissa, PowersOfTen[shift], out scaled);
            if (high != scaled >> 63) return ToUnitsByDivision(value);
        }
        else
        {
            // More decimals than the step has: the extra ones must be zeros (60000.10 on a 0.1 grid).
            scaled = Math.DivRem(mantissa, PowersOfTen[-shift], out var dropped);
            if (dropped != 0) throw OffGrid(value);
        }

        if (_stepMantissa == 1) return scaled;
        var units = Math.DivRem(scaled, _stepMantissa, out var remainder);
        if (remainder != 0) throw OffGrid(value);
        return units;
    }

    /// <summary><c>units × step</c>, bit for bit what decimal multiplication gives (same mantissa, the step's scale),
    /// so the decimals the book reports carry the digits the journal has always stored.</summary>
    public decimal ToDecimal(long units)
    {
        var high = Math.BigMul(units, _stepMantissa, out var low);
        if (high != low >> 63) return units * _step;
        var magnitude = low < 0 ? unchecked((ulong)-low) : (ulong)low;
        return new decimal((int)magnitude, (int)(magnitude >> 32), 0, low < 0, _stepScale);
    }

    /// <summary>The general case (mantissas beyond 63 bits, scales far apart): correct, slower.</summary>
    private long ToUnitsByDivision(decimal value)
    {
        var units = value / _step;
        if (units != decimal.Truncate(units)) throw OffGrid(value);
        return decimal.ToInt64(units);
    }

    /// <summary>Splits <paramref name="value"/> into a signed mantissa and a scale, when the mantissa fits a long.</summary>
    private static bool TrySplit(decimal value, out long mantissa, out byte scale)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        scale = (byte)(bits[3] >> 16);
        var fits = bits[2] == 0 && bits[1] >= 0;
        var magnitude = ((long)bits[1] << 32) | (uint)bits[0];
        mantissa = fits ? (bits[3] < 0 ? -magnitude : magnitude) : 0;
        return fits;
    }

    private ArgumentException OffGrid(decimal value) => new($"{value} is not a whole multiple of {_step}.", nameof(value));
}
