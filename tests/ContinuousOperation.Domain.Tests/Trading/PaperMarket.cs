using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Domain.Tests.Trading;

/// <summary>
/// A deliberately crude venue for driving a strategy over many decisions: the bid random-walks with a two-tick spread,
/// market and marketable orders fill at once, resting orders fill (sometimes partly) once the quote moves through
/// them, cancels succeed at once. Every reply goes through <see cref="TraderState"/> as the trader actor would apply it.
/// </summary>
internal sealed class PaperMarket
{
    private readonly Instrument _instrument;
    private readonly Random _rng;
    private readonly int _maxStepTicks;
    private decimal _bid;
    private long _tradeId;

    public PaperMarket(Instrument instrument, int seed, int maxStepTicks, decimal startingCash = 1_000_000m)
    {
        _instrument = instrument;
        _rng = new Random(seed);
        _maxStepTicks = maxStepTicks;
        _bid = instrument.InitialPrice;
        State = TraderState.Empty(instrument.Symbol)
            .Apply(new AccountOpened(instrument.Symbol, AccountId.TraderFor(instrument.Symbol), startingCash));
    }

    public TraderState State { get; private set; }

    public TimeSpan Now { get; private set; }

    public List<PositionChanged> PositionChanges { get; } = [];

    public List<PlaceOrderIntent> Placed { get; } = [];

    public MarketView View => new(_bid, Ask, _bid + _instrument.TickSize, Now);

    private decimal Ask => _bid + 2 * _instrument.TickSize;

    public void Step(TimeSpan elapsed)
    {
        Now += elapsed;
        _bid += _rng.Next(-_maxStepTicks, _maxStepTicks + 1) * _instrument.TickSize;
        foreach (var order in State.LiveOrders.ToList())
            if (order.Side == Side.Buy ? order.LimitPrice >= Ask : order.LimitPrice <= _bid)
                Fill(order, order.LimitPrice!.Value, _rng.Next(2) == 0 ? order.Remaining : PartOf(order.Remaining), isMaker: true);
    }

    public void Execute(IEnumerable<TradingIntent> intents)
    {
        foreach (var intent in intents)
        {
            switch (intent)
            {
                case CancelOrderIntent cancel when State.Find(cancel.ClientOrderId) is { } order:
                    Persist(new OrderCancelled(order.Id, order.Remaining, "stale"));
                    break;
                case PlaceOrderIntent place:
                    Place(place);
                    break;
            }
        }
    }

    private void Place(PlaceOrderIntent place)
    {
        Placed.Add(place);
        var submitted = State.EventForPlacement(place, Now);
        Persist(submitted);
        Persist(new OrderAcknowledged(submitted.ClientOrderId));
        var order = State.Find(submitted.ClientOrderId)!;
        var touch = place.Side == Side.Buy ? Ask : _bid;
        var marketable = place.Type == OrderType.Market
            || (place.Side == Side.Buy ? place.LimitPrice >= Ask : place.LimitPrice <= _bid);
        if (marketable)
            Fill(order, touch, order.Quantity, isMaker: false);
    }

    private decimal PartOf(decimal quantity) => Math.Max(_instrument.LotSize, _instrument.FloorToLot(quantity / 2));

    private void Fill(TrackedOrder order, decimal price, decimal quantity, bool isMaker)
    {
        var fill = new AccountFill(_instrument.Symbol, State.Account, FillId.For(_instrument.Symbol, ++_tradeId, order.Side),
            order.Id, order.Side, price, quantity, FeeSchedule.Default.Fee(price, quantity, isMaker), isMaker,
            State.LastFillSequence + 1, Now);
        foreach (var e in State.EventsForFill(fill))
            Persist(e);
    }

    private void Persist(ITraderEvent e)
    {
        State = State.Apply(e);
        if (e is PositionChanged changed)
            PositionChanges.Add(changed);
    }
}
