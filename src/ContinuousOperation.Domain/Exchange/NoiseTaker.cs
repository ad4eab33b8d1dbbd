using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Exchange;

/// <summary>
/// Simulated liquidity takers: market orders arriving as a Poisson process whose rate is redrawn every
/// <see cref="RateHold"/> within the configured trades-per-second range (upper half when volatile, lower half when
/// ranging). Sizes stay below the best opposite level so one arrival usually prints one trade.
/// </summary>
internal sealed class NoiseTaker(Instrument instrument, MarketSettings settings, Random random, string idPrefix)
{
    public static readonly TimeSpan RateHold = TimeSpan.FromMinutes(1);

    private double _ratePerSecond;
    private TimeSpan _rateRemaining;
    // Arrivals are generated on the "hazard clock" (rate × time), which stays exact when the rate changes mid-step.
    private double _hazardUntilNextArrival = random.NextUnitExponential();
    private long _orderCount;

    /// <summary>Appends the offsets from the start of a step of length <paramref name="step"/> at which takers arrive.</summary>
    public void ArrivalsWithin(TimeSpan step, MarketCondition regime, List<TimeSpan> offsets)
    {
        var elapsed = TimeSpan.Zero;
        while (elapsed < step)
        {
            if (_rateRemaining <= TimeSpan.Zero)
            {
                _ratePerSecond = DrawRate(regime);
                _rateRemaining = RateHold;
            }

            var segment = step - elapsed < _rateRemaining ? step - elapsed : _rateRemaining;
            var segmentSeconds = segment.TotalSeconds;
            var position = 0.0;
            while (_hazardUntilNextArrival <= _ratePerSecond * (segmentSeconds - position))
            {
                position += _hazardUntilNextArrival / _ratePerSecond;
                offsets.Add(elapsed + TimeSpan.FromSeconds(position));
                _hazardUntilNextArrival = random.NextUnitExponential();
            }

            _hazardUntilNextArrival -= _ratePerSecond * (segmentSeconds - position);
            elapsed += segment;
            _rateRemaining -= segment;
        }
    }

    /// <summary>The next taker's market order, or null when the side it picked has nothing to take.
    /// Takers lean towards the side the fair price moved to, relative to the book's mid, by up to 80/20.</summary>
    public OrderRequest? NextOrder(OrderBook book, double fairPrice)
    {
        var buyProbability = 0.5;
        if (book is { BestBid: { } bid, BestAsk: { } ask })
        {
            var move = ((decimal)fairPrice - (bid + ask) / 2) / (ask - bid);
            buyProbability += 0.3 * Math.Tanh((double)move);
        }

        var side = random.NextDouble() < buyProbability ? Side.Buy : Side.Sell;
        var available = book.TopQuantity(side.Opposite());
        if (available == 0) return null;

        var quantity = instrument.FloorToLot(available * (decimal)random.NextDouble(0.1, 0.9));
        return new OrderRequest(AccountId.NoiseTaker, new ClientOrderId($"{idPrefix}{++_orderCount}"), side,
            OrderType.Market, LimitPrice: null, Math.Clamp(quantity, instrument.LotSize, available));
    }

    private double DrawRate(MarketCondition regime)
    {
        var min = settings.MinTradesPerSecond;
        var max = settings.MaxTradesPerSecond;
        var mid = (min + max) / 2;
        return regime switch
        {
            MarketCondition.Volatile => random.NextDouble(mid, max),
            MarketCondition.Ranging => random.NextDouble(min, mid),
            _ => random.NextDouble(min, max),
        };
    }
}
