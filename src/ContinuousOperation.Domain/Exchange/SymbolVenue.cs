using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Exchange;

/// <summary>
/// The mock exchange for one symbol: order book, fair-price process, simulated liquidity and takers, simulated clock and
/// the event-sourced ledger. Every mutating method returns the journal events it produced, already applied to the ledger
/// the same way <see cref="VenueRecovery"/> applies them. Not thread-safe: one actor owns it.
/// </summary>
public sealed class SymbolVenue
{
    /// <summary>Longest simulated interval handled as one step: <see cref="Advance"/> splits longer ones so that the
    /// liquidity is refreshed at least this often, whatever pace the caller advances at.</summary>
    public static readonly TimeSpan MaxStep = TimeSpan.FromSeconds(1);

    private const string NoLiquidity = "no liquidity";
    private const string CancelledByClient = "cancelled by client";

    private readonly Instrument _instrument;
    private readonly FeeSchedule _fees;
    private readonly ExchangeLedger _ledger;
    private readonly OrderBook _book;
    private readonly PriceProcess _price;
    private readonly LiquidityProvider _liquidity;
    private readonly NoiseTaker _noise;
    private readonly List<Match> _matches = new();
    private readonly List<TimeSpan> _arrivals = new();
    private readonly List<TradeExecuted> _trades = new();

    public SymbolVenue(Instrument instrument, MarketSettings market, FeeSchedule fees, int seed)
        : this(instrument, market, fees, seed, incarnation: 0, new ExchangeLedger())
    {
    }

    internal SymbolVenue(Instrument instrument, MarketSettings market, FeeSchedule fees, int seed, int incarnation, ExchangeLedger ledger)
    {
        _instrument = instrument;
        _fees = fees;
        _ledger = ledger;
        _book = new OrderBook(instrument);
        SimTime = ledger.SimTime;

        var random = new Random(StableSeed.Derive(seed, instrument.Symbol.Value, incarnation));
        _price = new PriceProcess(market, (double)(ledger.LastTradePrice ?? instrument.InitialPrice), random);
        _liquidity = new LiquidityProvider(instrument, market.DepthLevels, random, idPrefix: $"lp-{incarnation}-");
        _noise = new NoiseTaker(instrument, market, random, idPrefix: $"taker-{incarnation}-");

        foreach (var (account, order) in ledger.LiveOrdersByArrival())
        {
            if (order.LimitPrice is { } price)
                _book.Rest(new OrderKey(account, order.ClientOrderId), order.Side, price, order.Remaining);
        }

        // The rebuilt book must not trade: such trades would be events outside any command. The first Advance re-quotes normally.
        _liquidity.Requote(_book, _price.FairPrice, _price.DailyVolatility, _matches, allowTrades: false);
    }

    /// <summary>
    /// Rebuilds the ledger from the journal, then the book: the paper traders' live orders re-rest at their price in
    /// original order and liquidity is quoted around the last trade price. Randomness is re-seeded per incarnation, so
    /// a restart is reproducible. The journal must hold each command's events completely (persist them together).
    /// </summary>
    public static SymbolVenue Recover(
        Instrument instrument, MarketSettings market, FeeSchedule fees, int seed, int incarnation, IEnumerable<IExchangeEvent> journal)
    {
        var recovery = new VenueRecovery(instrument, market, fees, seed);
        foreach (var e in journal) recovery.Apply(e);
        return recovery.Build(incarnation);
    }

    public Symbol Symbol => _instrument.Symbol;

    public TimeSpan SimTime { get; private set; }

    public long LastTradeId => _ledger.LastTradeId;

    /// <summary>
    /// Places a paper trader's order. Idempotent by (account, client order id): a known id produces no events.
    /// Events: <see cref="ExchangeOrderAccepted"/>, its matches as one <see cref="TradesExecuted"/> (if any), then for a
    /// market order's unfilled rest an <see cref="ExchangeOrderCancelled"/> with reason "no liquidity".
    /// </summary>
    public PlaceOutcome Place(OrderRequest request)
    {
        if (_ledger.StatusOf(request.Key) is not null) return PlaceOutcome.Duplicate;
        if (OrderValidation.RejectionReason(_instrument, request) is { } reason) return PlaceOutcome.Rejected(reason);

        var events = new List<IExchangeEvent>();
        Record(new ExchangeOrderAccepted(Symbol, request.Account, request.ClientOrderId, request.Side, request.Type,
            request.Type == OrderType.Limit ? request.LimitPrice : null, request.Quantity, SimTime), events);
        var unfilled = Match(request);
        AddTrades(events);
        if (request.Type == OrderType.Market && unfilled > 0)
            Record(new ExchangeOrderCancelled(Symbol, request.Account, request.ClientOrderId, unfilled, NoLiquidity, SimTime), events);
        return PlaceOutcome.Accepted(events);
    }

    public CancelOutcome Cancel(AccountId account, ClientOrderId id)
    {
        var key = new OrderKey(account, id);
        var status = _ledger.StatusOf(key);
        if (status is null) return CancelOutcome.NotCancelled("unknown order");
        if (status.State != ExchangeOrderState.Live) return CancelOutcome.NotCancelled($"order already {status.State.ToString().ToLowerInvariant()}");

        var remaining = _book.Cancel(key) ?? throw new InvalidOperationException($"Live order {key} is missing from the book.");
        var cancelled = new ExchangeOrderCancelled(Symbol, account, id, remaining, CancelledByClient, SimTime);
        _ledger.Apply(cancelled);
        return CancelOutcome.Cancelled(cancelled);
    }

    /// <summary>Moves the simulated clock: per step of at most <see cref="MaxStep"/>, the fair price moves, takers
    /// arriving in the step trade, then liquidity is re-quoted (which may trade with paper-trader orders it crosses).
    /// Events: the trades of all steps as one <see cref="TradesExecuted"/>, or none.</summary>
    public IReadOnlyList<IExchangeEvent> Advance(TimeSpan simDt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(simDt, TimeSpan.Zero);
        var end = SimTime + simDt;
        while (SimTime < end)
        {
            var step = end - SimTime < MaxStep ? end - SimTime : MaxStep;
            AdvanceStep(step);
        }

        var events = new List<IExchangeEvent>(1);
        AddTrades(events);
        return events;
    }

    /// <summary>The final record of the run: balances of every account seen and the paper-trader orders still live.</summary>
    public IReadOnlyList<IExchangeEvent> Close()
    {
        var liveOrders = _ledger.LiveOrdersByArrival().Select(live => live.Status.ClientOrderId).ToArray();
        var events = new List<IExchangeEvent>(1);
        Record(new BookClosed(Symbol, _ledger.Balances(), liveOrders, SimTime), events);
        return events;
    }

    /// <summary>The ledger as of the last event recorded; restoring it and replaying later events rebuilds this venue
    /// exactly as a full replay would (see <see cref="VenueSnapshot"/>).</summary>
    public VenueSnapshot Snapshot() => _ledger.ToSnapshot();

    public Ticker Ticker() => new(Symbol, _book.BestBid, _book.BestAsk, _ledger.LastTradePrice, SimTime);

    public DepthSnapshot Depth(int levels) => new(Symbol, _book.Depth(Side.Buy, levels), _book.Depth(Side.Sell, levels), SimTime);

    /// <summary>Balances of every account seen, ordered by account id.</summary>
    public IReadOnlyList<AccountBalance> Balances() => _ledger.Balances();

    /// <summary>Null if the id was never seen, or was terminal and has dropped out of the last
    /// <see cref="ExchangeLedger.RecentTerminalOrders"/> terminal orders.</summary>
    public ExchangeOrderStatus? OrderStatusOf(AccountId account, ClientOrderId id) => _ledger.StatusOf(new OrderKey(account, id));

    /// <summary>Fills with a sequence above <paramref name="afterSequence"/>, oldest first. Only the last
    /// <see cref="ExchangeLedger.RecentFillsPerAccount"/> fills per paper-trader account are kept.</summary>
    public IReadOnlyList<AccountFill> FillsSince(AccountId account, long afterSequence) => _ledger.FillsSince(account, afterSequence);

    /// <summary>The account's last fill sequence (0 before its first fill).</summary>
    public long LastFillSequence(AccountId account) => _ledger.NextFillSequence(account) - 1;

    private void AdvanceStep(TimeSpan step)
    {
        var start = SimTime;
        _price.Advance(step);

        _arrivals.Clear();
        _noise.ArrivalsWithin(step, _price.Regime, _arrivals);
        foreach (var offset in _arrivals)
        {
            SimTime = start + offset;
            if (_noise.NextOrder(_book, _price.FairPrice) is { } order) Match(order);
        }

        SimTime = start + step;
        _matches.Clear();
        _liquidity.Requote(_book, _price.FairPrice, _price.DailyVolatility, _matches, allowTrades: true);
        RecordTrades();
    }

    private decimal Match(OrderRequest order)
    {
        _matches.Clear();
        var unfilled = _book.Submit(order, _matches);
        RecordTrades();
        return unfilled;
    }

    /// <summary>Applies each match to the ledger as a trade at once (the next match's fill sequences depend on it) and
    /// keeps it for the command's batch.</summary>
    private void RecordTrades()
    {
        foreach (var match in _matches)
        {
            var (buyer, seller) = match.TakerSide == Side.Buy ? (match.Taker, match.Maker) : (match.Maker, match.Taker);
            var tradeId = _ledger.LastTradeId + 1;
            var buyerSequence = _ledger.NextFillSequence(buyer.Account);
            // A paper trader crossing its own order takes two consecutive sequence numbers.
            var sellerSequence = seller.Account == buyer.Account ? buyerSequence + 1 : _ledger.NextFillSequence(seller.Account);
            var trade = new TradeExecuted(Symbol, tradeId, match.Price, match.Quantity,
                Leg(buyer, Side.Buy, tradeId, buyerSequence, match),
                Leg(seller, Side.Sell, tradeId, sellerSequence, match),
                match.TakerSide, SimTime);
            _ledger.Apply(trade);
            _trades.Add(trade);
        }
    }

    /// <summary>The trades recorded since the last call, as one event (already applied to the ledger, trade by trade).</summary>
    private void AddTrades(List<IExchangeEvent> events)
    {
        if (_trades.Count == 0) return;
        events.Add(new TradesExecuted(Symbol, _trades.ToArray()));
        _trades.Clear();
    }

    private TradeLeg Leg(OrderKey order, Side side, long tradeId, long sequence, Match match)
    {
        var isMaker = side != match.TakerSide;
        return new TradeLeg(order.Account, order.ClientOrderId, FillId.For(Symbol, tradeId, side), sequence,
            _fees.Fee(match.Price, match.Quantity, isMaker), isMaker);
    }

    private void Record(IExchangeEvent e, List<IExchangeEvent> events)
    {
        _ledger.Apply(e);
        events.Add(e);
    }
}
