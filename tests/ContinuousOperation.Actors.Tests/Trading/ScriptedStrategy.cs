using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Actors.Tests.Trading;

/// <summary>Places exactly one buy limit order of 0.01 at 100, then nothing: makes the trader's traffic exact.</summary>
internal sealed class ScriptedStrategy : ITradingStrategy
{
    public IReadOnlyList<TradingIntent> Decide(MarketView view, TraderState state, Random rng) =>
        state.OrdersSubmitted == 0 ? [new PlaceOrderIntent(Side.Buy, OrderType.Limit, 100m, 0.01m)] : [];
}
