using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Exchange;

/// <summary>One execution between an incoming order (taker) and a resting one (maker), at the maker's price.</summary>
public readonly record struct Match(OrderKey Maker, OrderKey Taker, Side TakerSide, decimal Price, decimal Quantity);
