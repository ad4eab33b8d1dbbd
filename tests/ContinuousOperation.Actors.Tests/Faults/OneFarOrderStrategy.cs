using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Actors.Tests.Faults;

/// <summary>Places one buy limit order far below the market (nothing but a deliberate counterparty will fill it), once
/// the simulated clock has passed <paramref name="notBefore"/>; then nothing. Makes the trader's traffic exact.</summary>
internal sealed class OneFarOrderStrategy(Instrument instrument, TimeSpan notBefore) : ITradingStrategy
{
    public const decimal Quantity = 0.01m;

    public IReadOnlyList<TradingIntent> Decide(MarketView view, TraderState state, Random rng) =>
        state.OrdersSubmitted == 0 && view.SimTime >= notBefore
            ? [new PlaceOrderIntent(Side.Buy, OrderType.Limit, instrument.RoundToTick(view.BestBid * 0.9m), Quantity)]
            : [];
}
