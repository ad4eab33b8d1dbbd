using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Consistency;

/// <summary>Per-account sums over every trade of the venue journal (invariant 8), kept exactly as the venue keeps them
/// (<see cref="Holdings"/>). The accounts are few (liquidity provider, noise taker, paper trader), so memory stays
/// constant however many trades a run prints.</summary>
internal sealed class VenueBalances
{
    private readonly Dictionary<AccountId, Holdings> _accounts = [];

    /// <summary>Every account that traded.</summary>
    public IEnumerable<AccountId> Accounts => _accounts.Keys;

    /// <summary>What the account's trades add up to; zero for an account that never traded.</summary>
    public AccountBalance BalanceOf(AccountId account) =>
        _accounts.TryGetValue(account, out var holdings) ? holdings.BalanceOf(account) : new AccountBalance(account, 0m, 0m, 0m);

    public void Trade(TradeExecuted trade)
    {
        Add(trade.Buyer, Side.Buy, trade);
        Add(trade.Seller, Side.Sell, trade);
    }

    private void Add(TradeLeg leg, Side side, TradeExecuted trade)
    {
        if (!_accounts.TryGetValue(leg.Account, out var holdings)) _accounts.Add(leg.Account, holdings = new Holdings());
        holdings.Record(side, trade.Price, trade.Quantity, leg.Fee);
    }
}
