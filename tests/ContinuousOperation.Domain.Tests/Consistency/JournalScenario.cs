using System.Text.Json;
using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Run;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Domain.Tests.Consistency;

/// <summary>
/// Writes a consistent pair of journals for one symbol from a short script — orders, acknowledgements, fills on both
/// sides, cancels, other participants' trades, the closing statement — with switches that leave one side out, so a
/// test can break exactly one thing. Trader fills are always maker fills against the noise taker.
/// </summary>
internal sealed class JournalScenario
{
    public static readonly Symbol Symbol = new("ETH-USDT");
    public static readonly RunId Run = RunId.New(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero), 42, new Random(7));
    public static readonly AccountId Trader = AccountId.TraderFor(Symbol);
    public static readonly string TraderJournalId = JournalNames.Trader(Run, Symbol);
    public static readonly string ExchangeJournalId = JournalNames.Exchange(Run, Symbol);

    /// <summary>What a drained run of this scenario's one symbol must hold, before it closed.</summary>
    public static readonly JournalExpectation Drained = new(Run, [Symbol], Drained: true);

    private sealed record VenueOrder(Side Side, decimal Quantity, decimal Filled, bool Live);

    private readonly Dictionary<ClientOrderId, VenueOrder> _venueOrders = [];
    private readonly Dictionary<AccountId, AccountBalance> _balances = [];
    private readonly Dictionary<AccountId, long> _fillSequences = [];
    private Position _position = Position.Flat;
    private decimal _cash;
    private long _tradeId;
    private TimeSpan _now;

    public JournalScenario(decimal startingCash = 100_000m)
    {
        _cash = startingCash;
        TraderJournal.Add(new AccountOpened(Symbol, Trader, startingCash));
    }

    public List<ITraderEvent> TraderJournal { get; } = [];

    public List<IExchangeEvent> ExchangeJournal { get; } = [];

    public FillId LastFillId { get; private set; }

    public JournalScenario Place(string id, Side side, decimal quantity, decimal price, bool reachesVenue = true)
    {
        var orderId = new ClientOrderId(id);
        TraderJournal.Add(new OrderSubmitted(orderId, side, OrderType.Limit, price, quantity, Tick()));
        if (!reachesVenue)
            return this;
        ExchangeJournal.Add(new ExchangeOrderAccepted(Symbol, Trader, orderId, side, OrderType.Limit, price, quantity, _now));
        TraderJournal.Add(new OrderAcknowledged(orderId));
        _venueOrders[orderId] = new VenueOrder(side, quantity, 0m, Live: true);
        return this;
    }

    public JournalScenario Reject(string id)
    {
        TraderJournal.Add(new OrderRejected(new ClientOrderId(id), "price outside band"));
        return this;
    }

    public JournalScenario Fill(string id, decimal quantity, decimal price, bool traderSees = true)
    {
        var orderId = new ClientOrderId(id);
        var order = _venueOrders[orderId];
        var filled = order.Filled + quantity;
        _venueOrders[orderId] = order with { Filled = filled, Live = filled < order.Quantity };

        _tradeId++;
        var traderLeg = Leg(Trader, orderId, order.Side, price, quantity, isMaker: true);
        var takerLeg = Leg(AccountId.NoiseTaker, new ClientOrderId($"noise-{_tradeId}"), order.Side.Opposite(), price, quantity, isMaker: false);
        var (buyer, seller) = order.Side == Side.Buy ? (traderLeg, takerLeg) : (takerLeg, traderLeg);
        ExchangeJournal.Add(new TradeExecuted(Symbol, _tradeId, price, quantity, buyer, seller, order.Side.Opposite(), Tick()));
        LastFillId = traderLeg.FillId;
        if (traderSees)
            ApplyAtTrader(new FillApplied(orderId, traderLeg.FillId, order.Side, price, quantity, traderLeg.Fee,
                traderLeg.AccountFillSequence, _now));
        return this;
    }

    /// <summary>The trader applies its last fill a second time, as a trader without duplicate detection would.</summary>
    public JournalScenario ApplyLastFillAgain()
    {
        ApplyAtTrader(TraderJournal.OfType<FillApplied>().Last());
        return this;
    }

    /// <summary>The trader applies an earlier fill again, with the position change that follows, as a trader that
    /// lost track of what it applied would.</summary>
    public JournalScenario ApplyAgain(FillId fill)
    {
        ApplyAtTrader(TraderJournal.OfType<FillApplied>().First(f => f.FillId == fill));
        return this;
    }

    public JournalScenario NoiseTrade(decimal quantity, decimal price)
    {
        _tradeId++;
        var buyer = Leg(AccountId.NoiseTaker, new ClientOrderId($"noise-{_tradeId}"), Side.Buy, price, quantity, isMaker: false);
        var seller = Leg(AccountId.LiquidityProvider, new ClientOrderId($"lp-{_tradeId}"), Side.Sell, price, quantity, isMaker: true);
        ExchangeJournal.Add(new TradeExecuted(Symbol, _tradeId, price, quantity, buyer, seller, Side.Buy, Tick()));
        return this;
    }

    public JournalScenario Cancel(string id, bool atVenue = true, bool atTrader = true)
    {
        var orderId = new ClientOrderId(id);
        var order = _venueOrders[orderId];
        var remaining = order.Quantity - order.Filled;
        if (atVenue)
        {
            ExchangeJournal.Add(new ExchangeOrderCancelled(Symbol, Trader, orderId, remaining, "requested", Tick()));
            _venueOrders[orderId] = order with { Live = false };
        }
        if (atTrader)
            TraderJournal.Add(new OrderCancelled(orderId, remaining, "requested"));
        return this;
    }

    public JournalScenario CloseBook()
    {
        var live = _venueOrders.Where(o => o.Value.Live).Select(o => o.Key).ToList();
        ExchangeJournal.Add(new BookClosed(Symbol, _balances.Values.ToList(), live, Tick()));
        return this;
    }

    /// <summary>Journals each run of consecutive trades as one <see cref="TradesExecuted"/>, as the venue journals a
    /// command's trades. Call it last: the script's steps add trades alone.</summary>
    public JournalScenario Batched()
    {
        var batched = new List<IExchangeEvent>();
        foreach (var e in ExchangeJournal)
        {
            batched.Add(e switch
            {
                TradeExecuted trade when batched.Count > 0 && batched[^1] is TradesExecuted open =>
                    Pop(batched, new TradesExecuted(Symbol, [.. open.Trades, trade])),
                TradeExecuted trade => new TradesExecuted(Symbol, [trade]),
                _ => e,
            });
        }

        ExchangeJournal.Clear();
        ExchangeJournal.AddRange(batched);
        return this;

        static IExchangeEvent Pop(List<IExchangeEvent> journal, IExchangeEvent replacement)
        {
            journal.RemoveAt(journal.Count - 1);
            return replacement;
        }
    }

    /// <summary>Rewrites the last event of a type in either journal.</summary>
    public JournalScenario Corrupt<T>(Func<T, T> change) where T : class
    {
        if (typeof(IExchangeEvent).IsAssignableFrom(typeof(T)))
            Replace(ExchangeJournal, change);
        else
            Replace(TraderJournal, change);
        return this;
    }

    /// <summary>Sequence number the last event of a type gets when the journal is read back without gaps.</summary>
    public long TraderSequenceNrOfLast<T>() => TraderJournal.FindLastIndex(e => e is T) + 1;

    public long ExchangeSequenceNrOfLast<T>() => ExchangeJournal.FindLastIndex(e => e is T) + 1;

    /// <summary>Reads both journals into a fold; a gap position skips one sequence number there.</summary>
    public SymbolJournalFold Fold(long traderGapAt = 0, long exchangeGapAt = 0)
    {
        var fold = new SymbolJournalFold(Run, Symbol);
        foreach (var (sequenceNr, e) in Number(TraderJournal, traderGapAt))
            fold.AddTraderEvent(sequenceNr, e, Serialized(e));
        foreach (var (sequenceNr, e) in Number(ExchangeJournal, exchangeGapAt))
            fold.AddExchangeEvent(sequenceNr, e, Serialized(e));
        return fold;
    }

    /// <summary>Stands in for the journal's serializer: every field of the event, so an edited event has other bytes.</summary>
    public static byte[] Serialized(object e) => JsonSerializer.SerializeToUtf8Bytes(e, e.GetType());

    public IReadOnlyList<Violation> Check(long traderGapAt = 0, long exchangeGapAt = 0) => Fold(traderGapAt, exchangeGapAt).Check();

    private static IEnumerable<(long, T)> Number<T>(IEnumerable<T> events, long gapAt)
    {
        var sequenceNr = 0L;
        foreach (var e in events)
        {
            if (++sequenceNr == gapAt)
                sequenceNr++;
            yield return (sequenceNr, e);
        }
    }

    private static void Replace<TEvent, T>(List<TEvent> journal, Func<T, T> change) where T : class
    {
        var index = journal.FindLastIndex(e => e is T);
        journal[index] = (TEvent)(object)change((T)(object)journal[index]!);
    }

    private void ApplyAtTrader(FillApplied fill)
    {
        TraderJournal.Add(fill);
        (_position, var change) = _position.Apply(fill.Side, fill.Price, fill.Quantity);
        _cash += CashFlow.Of(fill.Side, fill.Price, fill.Quantity, fill.Fee);
        TraderJournal.Add(new PositionChanged(change, fill.FillId, _position.Quantity, _position.AverageEntryPrice,
            _position.RealizedPnl, _cash));
    }

    private TradeLeg Leg(AccountId account, ClientOrderId order, Side side, decimal price, decimal quantity, bool isMaker)
    {
        var sequence = _fillSequences[account] = _fillSequences.GetValueOrDefault(account) + 1;
        var fee = FeeSchedule.Default.Fee(price, quantity, isMaker);
        var balance = _balances.GetValueOrDefault(account) ?? new AccountBalance(account, 0m, 0m, 0m);
        _balances[account] = balance with
        {
            Position = balance.Position + side.Sign() * quantity,
            Cash = balance.Cash + CashFlow.Of(side, price, quantity, fee),
            Fees = balance.Fees + fee,
        };
        return new TradeLeg(account, order, FillId.For(Symbol, _tradeId, side), sequence, fee, isMaker);
    }

    private TimeSpan Tick() => _now += TimeSpan.FromSeconds(1);
}
