using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Exchange;

/// <summary>
/// A venue's private channel to the owners of paper-trader accounts (<typeparamref name="TOwner"/>: whoever receives
/// the pushes): who owns which account (the last to sync it), which journal events each owner is told about, the
/// heartbeats, and the stream faults injected into it (<see cref="StreamTamper{T}"/>), like those of a real private
/// stream. It decides what to send; its holder sends it. Time comes in as a parameter.
/// </summary>
public sealed class AccountChannel<TOwner> where TOwner : class
{
    private readonly Dictionary<AccountId, TOwner> _owners = new();
    private readonly StreamTamper<AccountPush> _tamper = new();

    /// <summary>The owner of each account (one owner may hold several).</summary>
    public IReadOnlyCollection<TOwner> Owners => _owners.Values;

    /// <summary>Makes <paramref name="owner"/> the owner of <paramref name="account"/> and returns the owner it
    /// replaces, if another.</summary>
    public TOwner? Register(AccountId account, TOwner owner)
    {
        var previous = _owners.GetValueOrDefault(account);
        _owners[account] = owner;
        return previous is not null && !previous.Equals(owner) ? previous : null;
    }

    /// <summary>Forgets <paramref name="owner"/> (it stopped) for every account it held.</summary>
    public void Remove(TOwner owner)
    {
        foreach (var account in _owners.Where(kv => kv.Value.Equals(owner)).Select(kv => kv.Key).ToArray())
            _owners.Remove(account);
    }

    /// <summary>What the persisted <paramref name="events"/> tell the owners: each fill of a paper-trader account, to
    /// its owner (buyer's leg, then seller's), and each cancel of one of their orders with the account's last fill
    /// sequence (<paramref name="lastFillSequence"/>, after the batch: cancels end their batch). Every push goes
    /// through the tamper; accounts without an owner are not told.</summary>
    public ChannelOutput<TOwner> Announce(
        IReadOnlyList<IExchangeEvent> events, Func<AccountId, long> lastFillSequence, DateTimeOffset now)
    {
        var (applied, deliveries) = (new List<int>(), new List<(TOwner, AccountPush)>());
        void Push(AccountId account, Func<AccountPush> push)
        {
            if (!account.IsPaperTrader || _owners.GetValueOrDefault(account) is not { } owner) return;
            var (deliver, faultId) = _tamper.Pass(push(), now);
            // The fault took effect before the owner can react to it.
            if (faultId is { } id) applied.Add(id);
            deliveries.AddRange(deliver.Select(p => (owner, p)));
        }

        foreach (var e in events)
        {
            switch (e)
            {
                case TradesExecuted batch:
                    foreach (var trade in batch.Trades)
                    {
                        Push(trade.Buyer.Account, () => new FillPush(AccountFill.From(trade, trade.Buyer, Side.Buy)));
                        Push(trade.Seller.Account, () => new FillPush(AccountFill.From(trade, trade.Seller, Side.Sell)));
                    }

                    break;
                case ExchangeOrderCancelled cancelled:
                    Push(cancelled.Account, () => new CancelPush(cancelled, lastFillSequence(cancelled.Account)));
                    break;
            }
        }

        return new ChannelOutput<TOwner>(applied, deliveries);
    }

    /// <summary>The heartbeat of each account: its owner and last fill sequence; none while the channel is silenced.</summary>
    public IReadOnlyList<(TOwner Owner, long LastFillSequence)> Heartbeats(Func<AccountId, long> lastFillSequence, DateTimeOffset now) =>
        _tamper.IsSilent(now) ? [] : _owners.Select(kv => (kv.Value, lastFillSequence(kv.Key))).ToArray();

    /// <summary>Arms an injected fault. Returns its id if it took effect now (a silence, a disconnect) and, for a
    /// disconnect, the owners whose channel closes: they are forgotten, and sync again to re-register.</summary>
    public (int? AppliedNow, IReadOnlyList<TOwner> Disconnected) Arm(int faultId, FaultKind kind, TimeSpan duration, DateTimeOffset now)
    {
        if (_tamper.Arm(faultId, kind, duration, now) is not { } appliedNow) return (null, []);
        if (kind != FaultKind.StreamDisconnect) return (appliedNow, []);
        var disconnected = _owners.Values.ToArray();
        _owners.Clear();
        return (appliedNow, disconnected);
    }

    /// <summary>The silence in effect at <paramref name="now"/>, if any: it ends when the channel's holder stops.</summary>
    public int? SilencedBy(DateTimeOffset now) => _tamper.SilencedBy(now);
}

/// <summary>What the channel sends, in order: the faults that took effect (for the fault injector) and the pushes to
/// deliver to owners.</summary>
public sealed record ChannelOutput<TOwner>(
    IReadOnlyList<int> FaultsApplied, IReadOnlyList<(TOwner Owner, AccountPush Push)> Deliveries);
