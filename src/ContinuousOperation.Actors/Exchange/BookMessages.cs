using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Actors.Exchange;

/// <summary>What a book tells the exchange after each change it persisted; the exchange stamps a sequence number
/// and fans it out as <see cref="MarketDataUpdate"/>.</summary>
internal sealed record BookPublished(Symbol Symbol, Ticker Ticker, DepthSnapshot Depth, IReadOnlyList<TradePrint> Trades);

public sealed record CloseBook(Symbol Symbol) : IWithSymbol;

public sealed record BookClosedAck(Symbol Symbol);

/// <summary>Advances the book's simulated market by one step.</summary>
internal sealed record MarketTick
{
    public static readonly MarketTick Instance = new();
}

internal sealed record AccountHeartbeatTick
{
    public static readonly AccountHeartbeatTick Instance = new();
}
