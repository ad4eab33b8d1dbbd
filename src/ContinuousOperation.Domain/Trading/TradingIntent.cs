using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Trading;

/// <summary>What a strategy wants done; the trader turns intents into persisted events and venue requests.</summary>
public abstract record TradingIntent;

/// <summary><paramref name="LimitPrice"/> is null for market orders.</summary>
public sealed record PlaceOrderIntent(Side Side, OrderType Type, decimal? LimitPrice, decimal Quantity) : TradingIntent;

public sealed record CancelOrderIntent(ClientOrderId ClientOrderId) : TradingIntent;
