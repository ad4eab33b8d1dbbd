using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Domain.Consistency;

/// <summary>Per-account sums over every trade of the venue journal (invariant 8). The accounts are few (liquidity
/// provider, noise taker, paper trader), so memory stays constant however many trades a run prints.</summary>
internal sealed class VenueBalances
{
    private readonly Dictionary<AccountId, AccountBalance> _accounts = [];

    public IReadOnlyDictionary<AccountId, AccountBalance> Recomputed => _accounts;

    public void Trade(TradeExecuted trade)
    {
        Add(trade.Buyer, Side.Buy, trade);
        Add(trade.Seller, Side.Sell, trade);
    }

    private void Add(TradeLeg leg, Side side, TradeExecuted trade)
    {
        var current = _accounts.GetValueOrDefault(leg.Account) ?? new AccountBalance(leg.Account, 0m, 0m, 0m);
        _accounts[leg.Account] = current with
        {
            Position = current.Position + side.Sign() * trade.Quantity,
            Cash = current.Cash + CashFlow.Of(side, trade.Price, trade.Quantity, leg.Fee),
            Fees = current.Fees + leg.Fee,
        };
    }
}
