using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Run;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Benchmarks.Support;

/// <summary>
/// The two journals of one symbol, written by running the real domain for a while: a seeded <see cref="SymbolVenue"/>
/// ticking every 100 ms (as a book does at speed 1) and a paper trader (<see cref="TraderState"/> driven by
/// <see cref="DefaultStrategy"/>) deciding once per simulated second, then a drain and the venue's close. No actors and
/// no network, so nothing is lost or reordered: the journals must reconcile cleanly, which <see cref="Generate"/> checks.
/// Benchmarks that need realistic events take them from here instead of inventing them.
/// </summary>
internal sealed class SimulatedSymbol
{
    public const int Seed = 42;
    public const decimal StartingCash = 1_000_000m; // what a run gives every trader

    public static readonly Instrument Instrument = InstrumentCatalog.For(new Symbol("BTC-USDT"));
    public static readonly TimeSpan TickStep = TimeSpan.FromMilliseconds(100);

    private readonly SymbolVenue _venue;
    private readonly DefaultStrategy _strategy = new(Instrument, StrategySettings.Default);
    private readonly Random _traderRandom;
    private byte[][]? _traderBytes;
    private byte[][]? _exchangeBytes;
    private TraderState _state = TraderState.Empty(Instrument.Symbol);

    private SimulatedSymbol(MarketSettings market)
    {
        _venue = new SymbolVenue(Instrument, market, FeeSchedule.Default, Seed);
        _traderRandom = new Random(StableSeed.Derive(Seed, _state.Account.Value));
    }

    public List<ITraderEvent> TraderJournal { get; } = [];

    public List<IExchangeEvent> ExchangeJournal { get; } = [];

    public int EventCount => TraderJournal.Count + ExchangeJournal.Count;

    public TimeSpan SimulatedTime => _venue.SimTime;

    /// <summary>Trades simulated seconds until the two journals together hold at least <paramref name="targetEvents"/>
    /// (the drain and close add a few more), then checks that they reconcile.</summary>
    public static SimulatedSymbol Generate(int targetEvents, MarketCondition condition = MarketCondition.Mixed)
    {
        var simulation = new SimulatedSymbol(new MarketSettings(condition));
        simulation.Persist(new AccountOpened(Instrument.Symbol, simulation._state.Account, StartingCash));
        while (simulation.EventCount + 2 * simulation._state.LiveOrders.Count + 1 < targetEvents)
            simulation.TradeOneSecond();
        simulation.DrainAndClose();

        var violations = simulation.Fold().Check();
        if (violations.Count > 0)
            throw new InvalidOperationException(
                $"The simulated journals do not reconcile: {string.Join("; ", violations.Take(5).Select(v => v.Detail))}");
        return simulation;
    }

    /// <summary>The run the simulated journals belong to.</summary>
    public static readonly RunId Run = RunId.New(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero), Seed, new Random(Seed));

    /// <summary>Both journals read into a fold, numbered from 1 as a replay numbers them, on in whichever journal lags
    /// as the consistency actor reads them (<see cref="SymbolJournalFold.VenueLagsTrader"/>). The events' bytes (for
    /// the digests) are serialized once, on first use, as the journal stored them once.</summary>
    public SymbolJournalFold Fold() => Fold(out _);

    /// <param name="peakRetained">The most entries the fold held at any point of the read.</param>
    public SymbolJournalFold Fold(out int peakRetained)
    {
        _traderBytes ??= TraderJournal.Select(Serialized).ToArray();
        _exchangeBytes ??= ExchangeJournal.Select(Serialized).ToArray();
        var fold = new SymbolJournalFold(Run, Instrument.Symbol);
        var (t, x) = (0, 0);
        peakRetained = 0;
        while (t < TraderJournal.Count || x < ExchangeJournal.Count)
        {
            if (t < TraderJournal.Count && (x == ExchangeJournal.Count || !fold.VenueLagsTrader))
                fold.AddTraderEvent(t + 1, TraderJournal[t], _traderBytes[t++]);
            else
                fold.AddExchangeEvent(x + 1, ExchangeJournal[x], _exchangeBytes[x++]);
            peakRetained = Math.Max(peakRetained, fold.RetainedEntries);
        }
        return fold;
    }

    private static byte[] Serialized(object e) => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(e, e.GetType());

    private void TradeOneSecond()
    {
        for (var tick = 0; tick < 10; tick++) OnVenueEvents(_venue.Advance(TickStep));

        var ticker = _venue.Ticker();
        if (ticker is not { BestBid: { } bid, BestAsk: { } ask }) return;
        var view = new MarketView(bid, ask, ticker.LastPrice ?? (bid + ask) / 2, ticker.SimTime);
        var plan = OrderPlanning.Plan(_state, _strategy.Decide(view, _state, _traderRandom), view.SimTime);
        foreach (var id in plan.Cancels) OnVenueEvents(_venue.Cancel(_state.Account, id).Events);
        foreach (var submitted in plan.Submissions)
        {
            Persist(submitted);
            var outcome = _venue.Place(new OrderRequest(_state.Account, submitted.ClientOrderId, submitted.Side,
                submitted.Type, submitted.LimitPrice, submitted.Quantity));
            if (outcome.Status == PlaceStatus.Rejected)
                PersistIfApplicable(new OrderRejected(submitted.ClientOrderId, outcome.Reason ?? "rejected"));
            OnVenueEvents(outcome.Events);
        }
    }

    private void DrainAndClose()
    {
        foreach (var order in _state.LiveOrders.ToArray()) OnVenueEvents(_venue.Cancel(_state.Account, order.Id).Events);
        ExchangeJournal.AddRange(_venue.Close());
    }

    /// <summary>The venue's journal gets every event; the trader persists what the venue would tell it, in the order
    /// the book tells it (the reply to a placement before the fills it caused).</summary>
    private void OnVenueEvents(IReadOnlyList<IExchangeEvent> events)
    {
        ExchangeJournal.AddRange(events);
        foreach (var e in events)
        {
            switch (e)
            {
                case ExchangeOrderAccepted accepted when accepted.Account == _state.Account:
                    PersistIfApplicable(new OrderAcknowledged(accepted.ClientOrderId));
                    break;
                case TradesExecuted batch:
                    foreach (var trade in batch.Trades)
                    {
                        ApplyFill(trade, trade.Buyer, Side.Buy);
                        ApplyFill(trade, trade.Seller, Side.Sell);
                    }

                    break;
                case ExchangeOrderCancelled cancelled when cancelled.Account == _state.Account:
                    PersistIfApplicable(new OrderCancelled(cancelled.ClientOrderId, cancelled.RemainingQuantity, cancelled.Reason));
                    break;
            }
        }
    }

    private void ApplyFill(TradeExecuted trade, TradeLeg leg, Side side)
    {
        if (leg.Account != _state.Account) return;
        foreach (var e in _state.EventsForFill(AccountFill.From(trade, leg, side))) Persist(e);
    }

    private void PersistIfApplicable(IOrderEvent e)
    {
        if (_state.CanApply(e)) Persist(e);
    }

    private void Persist(ITraderEvent e)
    {
        TraderJournal.Add(e);
        _state = _state.Apply(e);
    }
}
