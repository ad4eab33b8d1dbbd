using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Actors.Trading;

/// <summary>Drain: stop deciding, cancel every live order, then reply <see cref="TraderDrained"/>. Idempotent.</summary>
public sealed record StopTrading
{
    public static readonly StopTrading Instance = new();
}

public sealed record TraderDrained(Symbol Symbol);

public sealed record AllTradersDrained(IReadOnlyList<Symbol> Symbols);

internal sealed record DecisionTick
{
    public static readonly DecisionTick Instance = new();
}

internal sealed record Housekeeping
{
    public static readonly Housekeeping Instance = new();
}

internal sealed record FetchMarketData
{
    public static readonly FetchMarketData Instance = new();
}

internal sealed record ResubscribeMarketData
{
    public static readonly ResubscribeMarketData Instance = new();
}

internal sealed record MarketDataFetchFailed(string Request, string Reason);
