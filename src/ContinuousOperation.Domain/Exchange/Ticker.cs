using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Exchange;

/// <summary>Top of book and last trade; <see cref="LastPrice"/> is null until the first trade.</summary>
public sealed record Ticker(Symbol Symbol, decimal? BestBid, decimal? BestAsk, decimal? LastPrice, TimeSpan SimTime);
