using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Exchange;

/// <summary>Running totals of one account. Cash is net of fees (sells − buys − fees), so across all accounts
/// Σ cash + Σ fees = 0 and Σ position = 0.</summary>
internal sealed class Holdings
{
    public decimal Position { get; private set; }

    public decimal Cash { get; private set; }

    public decimal Fees { get; private set; }

    public void Record(Side side, decimal price, decimal quantity, decimal fee)
    {
        Position += side.Sign() * quantity;
        Cash -= side.Sign() * price * quantity + fee;
        Fees += fee;
    }
}
