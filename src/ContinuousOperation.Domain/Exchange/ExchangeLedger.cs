using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Exchange;

/// <summary>
/// The venue's event-sourced state for one symbol, changed only by <see cref="Apply"/>: holdings of every account seen,
/// per-account fill sequences, the paper traders' live orders, and bounded memories of recent terminal orders and fills.
/// Liquidity-provider and noise-taker orders are never journaled as orders, so they never enter the ledger.
/// </summary>
internal sealed class ExchangeLedger
{
    /// <summary>Terminal paper-trader orders remembered for idempotent replies and for the statuses a returning trader
    /// asks about; older ids are forgotten. A trader is away for seconds (restart back-off at most 10 s, outages of a few
    /// seconds), while 2,000 orders are about 3 minutes of a trader at <c>--speed 48</c> and hours at speed 1. The cap is
    /// also what the book holds in memory and in every snapshot: at 10,000 a 10-symbol run at speed 48 grew its heap by
    /// 120 MB over the 16 simulated hours the memories took to fill, and each book snapshot reached 4.3 MB.</summary>
    public const int RecentTerminalOrders = 2_000;

    /// <summary>Fills kept per paper-trader account for <see cref="FillsSince"/>; a client further behind cannot catch up
    /// from here (and says so). Sized like <see cref="RecentTerminalOrders"/>: about 2.4 minutes of fills at speed 48.</summary>
    public const int RecentFillsPerAccount = 2_000;

    private readonly Dictionary<AccountId, Holdings> _holdings = new();
    private readonly Dictionary<AccountId, long> _fillSequences = new();
    private readonly Dictionary<OrderKey, (long Arrival, ExchangeOrderStatus Status)> _liveOrders = new();
    private readonly RecentMemory<OrderKey, ExchangeOrderStatus> _terminalOrders = new(RecentTerminalOrders);
    private readonly Dictionary<AccountId, Queue<AccountFill>> _recentFills = new();
    private long _arrivals;

    public long LastTradeId { get; private set; }

    public decimal? LastTradePrice { get; private set; }

    /// <summary>Simulated time of the last event applied.</summary>
    public TimeSpan SimTime { get; private set; }

    /// <summary>Whether the run's final <see cref="BookClosed"/> has been applied.</summary>
    public bool IsClosed { get; private set; }

    /// <summary>The ledger rebuilt from <see cref="ToSnapshot"/>: equal to the ledger the snapshot was taken from.</summary>
    public static ExchangeLedger FromSnapshot(VenueSnapshot snapshot)
    {
        var ledger = new ExchangeLedger
        {
            IsClosed = snapshot.IsClosed,
            SimTime = snapshot.SimTime,
            LastTradeId = snapshot.LastTradeId,
            LastTradePrice = snapshot.LastTradePrice,
            _arrivals = snapshot.Arrivals,
        };
        foreach (var balance in snapshot.Balances) ledger._holdings.Add(balance.Account, Holdings.From(balance));
        foreach (var sequence in snapshot.FillSequences) ledger._fillSequences.Add(sequence.Account, sequence.Sequence);
        foreach (var order in snapshot.LiveOrders)
            ledger._liveOrders.Add(new OrderKey(order.Account, order.Status.ClientOrderId), (order.Arrival, order.Status));
        foreach (var order in snapshot.TerminalOrders)
            ledger._terminalOrders.Add(new OrderKey(order.Account, order.Status.ClientOrderId), order.Status);
        foreach (var fill in snapshot.RecentFills) ledger.RememberFill(fill);
        return ledger;
    }

    /// <summary>The whole ledger in canonical order (accounts by id, orders by arrival, memories oldest first).</summary>
    public VenueSnapshot ToSnapshot() => new(
        IsClosed, SimTime, LastTradeId, LastTradePrice, _arrivals,
        Balances(),
        _fillSequences
            .OrderBy(entry => entry.Key.Value, StringComparer.Ordinal)
            .Select(entry => new AccountFillSequence(entry.Key, entry.Value))
            .ToArray(),
        _liveOrders
            .OrderBy(entry => entry.Value.Arrival)
            .Select(entry => new SnapshotOrder(entry.Key.Account, entry.Value.Arrival, entry.Value.Status))
            .ToArray(),
        _terminalOrders.OldestFirst()
            .Select(entry => new SnapshotOrder(entry.Key.Account, Arrival: 0, entry.Value))
            .ToArray(),
        _recentFills
            .OrderBy(entry => entry.Key.Value, StringComparer.Ordinal)
            .SelectMany(entry => entry.Value)
            .ToArray());

    public void Apply(IExchangeEvent e)
    {
        SimTime = e.SimTime;
        switch (e)
        {
            case ExchangeOrderAccepted accepted:
                HoldingsOf(accepted.Account);
                _liveOrders.TryAdd(
                    new OrderKey(accepted.Account, accepted.ClientOrderId),
                    (++_arrivals, new ExchangeOrderStatus(accepted.ClientOrderId, accepted.Side, accepted.Type,
                        accepted.LimitPrice, accepted.Quantity, Filled: 0m, ExchangeOrderState.Live)));
                break;
            case TradesExecuted batch:
                foreach (var trade in batch.Trades) Apply(trade);
                break;
            case TradeExecuted trade:
                LastTradeId = trade.TradeId;
                LastTradePrice = trade.Price;
                ApplyLeg(trade, trade.Buyer, Side.Buy);
                ApplyLeg(trade, trade.Seller, Side.Sell);
                break;
            case ExchangeOrderCancelled cancelled:
                var key = new OrderKey(cancelled.Account, cancelled.ClientOrderId);
                if (_liveOrders.Remove(key, out var live))
                    _terminalOrders.Add(key, live.Status with { State = ExchangeOrderState.Cancelled });
                break;
            case BookClosed:
                IsClosed = true;
                break;
            default:
                throw new ArgumentException($"Unknown exchange event {e.GetType().Name}.", nameof(e));
        }
    }

    public long NextFillSequence(AccountId account) => _fillSequences.GetValueOrDefault(account) + 1;

    public ExchangeOrderStatus? StatusOf(OrderKey key) =>
        _liveOrders.TryGetValue(key, out var live) ? live.Status
        : _terminalOrders.TryGetValue(key, out var terminal) ? terminal
        : null;

    /// <summary>Live paper-trader orders of every account, oldest first (the order they must re-rest in after a restart).</summary>
    public IReadOnlyList<(AccountId Account, ExchangeOrderStatus Status)> LiveOrdersByArrival() =>
        _liveOrders
            .OrderBy(entry => entry.Value.Arrival)
            .Select(entry => (entry.Key.Account, entry.Value.Status))
            .ToArray();

    public IReadOnlyList<AccountFill> FillsSince(AccountId account, long afterSequence) =>
        _recentFills.TryGetValue(account, out var fills)
            ? fills.Where(fill => fill.AccountFillSequence > afterSequence).ToArray()
            : [];

    /// <summary>Holdings of every account seen (that placed an order or traded), ordered by account id so the result is deterministic.</summary>
    public IReadOnlyList<AccountBalance> Balances() =>
        _holdings
            .OrderBy(entry => entry.Key.Value, StringComparer.Ordinal)
            .Select(entry => entry.Value.BalanceOf(entry.Key))
            .ToArray();

    private void ApplyLeg(TradeExecuted trade, TradeLeg leg, Side side)
    {
        HoldingsOf(leg.Account).Record(side, trade.Price, trade.Quantity, leg.Fee);
        _fillSequences[leg.Account] = leg.AccountFillSequence;
        if (!leg.Account.IsPaperTrader) return;

        RememberFill(AccountFill.From(trade, leg, side));
        var key = new OrderKey(leg.Account, leg.ClientOrderId);
        if (!_liveOrders.TryGetValue(key, out var live)) return;
        var status = live.Status with { Filled = live.Status.Filled + trade.Quantity };
        if (status.Filled < status.Quantity)
        {
            _liveOrders[key] = (live.Arrival, status);
            return;
        }

        _liveOrders.Remove(key);
        _terminalOrders.Add(key, status with { State = ExchangeOrderState.Filled });
    }

    private Holdings HoldingsOf(AccountId account)
    {
        if (!_holdings.TryGetValue(account, out var holdings)) _holdings.Add(account, holdings = new Holdings());
        return holdings;
    }

    private void RememberFill(AccountFill fill)
    {
        if (!_recentFills.TryGetValue(fill.Account, out var fills)) _recentFills.Add(fill.Account, fills = new Queue<AccountFill>());
        fills.Enqueue(fill);
        if (fills.Count > RecentFillsPerAccount) fills.Dequeue();
    }
}
