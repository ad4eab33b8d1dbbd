using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Exchange;

/// <summary>Identifies an order at the venue: client order ids are unique per account, not globally.</summary>
public readonly record struct OrderKey(AccountId Account, ClientOrderId ClientOrderId);
