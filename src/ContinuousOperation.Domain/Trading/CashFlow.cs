using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Trading;

/// <summary>Cash an account gains from one fill: a buy pays notional and fee, a sell receives notional and pays the fee.</summary>
public static class CashFlow
{
    public static decimal Of(Side side, decimal price, decimal quantity, decimal fee) =>
        -side.Sign() * price * quantity - fee;
}
