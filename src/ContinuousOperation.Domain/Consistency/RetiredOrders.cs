using System.Globalization;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Domain.Consistency;

/// <summary>
/// The paper trader's orders that both journals have settled (terminal, alike) and the fold has let go of, shared by
/// the two <see cref="OrderLedger"/>s so that either still reports an event for one of them. The trader numbers its
/// orders <c>{symbol}-1, -2, …</c> (<see cref="TraderState.NextClientOrderId"/>), so they are kept as runs of numbers.
/// An id of any other form (a hand-written journal) cannot be summarised that way and is never retired.
/// </summary>
internal sealed class RetiredOrders(Symbol symbol)
{
    private readonly string _prefix = $"{symbol.Value}-";
    private readonly RetiredNumbers _numbers = new();

    public int Runs => _numbers.Runs;

    public bool CanRetire(ClientOrderId id) => NumberOf(id) is not null;

    public bool Contains(ClientOrderId id) => NumberOf(id) is { } number && _numbers.Contains(number);

    public void Retire(ClientOrderId id) =>
        _numbers.Add(NumberOf(id) ?? throw new ArgumentException($"order {id} is not numbered by the trader", nameof(id)));

    /// <summary>The n of <c>{symbol}-n</c>, written as the trader writes it (no sign, no leading zero), else null: two
    /// spellings of one number would be two orders.</summary>
    private long? NumberOf(ClientOrderId id)
    {
        var value = id.Value;
        if (!value.StartsWith(_prefix, StringComparison.Ordinal)) return null;
        var digits = value.AsSpan(_prefix.Length);
        return digits.Length > 0 && digits[0] is >= '1' and <= '9'
               && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
    }
}
