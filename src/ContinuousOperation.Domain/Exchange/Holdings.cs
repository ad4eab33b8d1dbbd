using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Domain.Exchange;

/// <summary>Running totals of one account. Cash is net of fees (sells − buys − fees), so across all accounts
/// Σ cash + Σ fees = 0 and Σ position = 0.</summary>
internal sealed class Holdings
{
    private decimal _position;
    private decimal _cash;
    private decimal _fees;

    public static Holdings From(AccountBalance balance) =>
        new() { _position = balance.Position, _cash = balance.Cash, _fees = balance.Fees };

    public void Record(Side side, decimal price, decimal quantity, decimal fee)
    {
        _position += side.Sign() * quantity;
        _cash += CashFlow.Of(side, price, quantity, fee);
        _fees += fee;
    }

    public AccountBalance BalanceOf(AccountId account) => new(account, _position, _cash, _fees);
}
