namespace ContinuousOperation.Domain.Primitives;

/// <summary>A traded instrument, e.g. <c>BTC-USDT</c>.</summary>
public readonly record struct Symbol(string Value)
{
    public override string ToString() => Value;
}

/// <summary>
/// An account at the venue. Paper traders have one account per symbol; the simulated
/// liquidity providers and noise takers have their own, so exchange-wide conservation can be checked.
/// </summary>
public readonly record struct AccountId(string Value)
{
    public static readonly AccountId LiquidityProvider = new("liquidity-provider");
    public static readonly AccountId NoiseTaker = new("noise-taker");

    public static AccountId TraderFor(Symbol symbol) => new($"trader-{symbol.Value}");

    public bool IsPaperTrader => Value.StartsWith("trader-", StringComparison.Ordinal);

    public override string ToString() => Value;
}

/// <summary>Order id chosen (and persisted) by the client before the order is sent; it makes placement idempotent.</summary>
public readonly record struct ClientOrderId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>Unique id of one side of one trade: <c>{symbol}-{tradeId}-{B|S}</c>.</summary>
public readonly record struct FillId(string Value)
{
    public static FillId For(Symbol symbol, long tradeId, Side side) =>
        new($"{symbol.Value}-{tradeId}-{(side == Side.Buy ? 'B' : 'S')}");

    public override string ToString() => Value;
}
