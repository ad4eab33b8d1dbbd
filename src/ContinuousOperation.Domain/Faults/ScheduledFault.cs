using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Faults;

/// <summary>One fault of the run's schedule. <see cref="At"/> is simulated time since the start of the run;
/// <see cref="Node"/> is the trading node (1 to N) a node fault hits, null for every other kind.</summary>
public sealed record ScheduledFault(
    int Id, TimeSpan At, FaultKind Kind, Symbol? Symbol, StreamChannel? Channel, TimeSpan Duration, int Count,
    TimeSpan RecoveryDeadline, int? Node = null)
{
    /// <summary>What the fault hits, for the report: <c>trader BTC-USDT</c>, <c>stream ETH-USDT (account)</c>, <c>database</c>.</summary>
    public string Target => Kind switch
    {
        FaultKind.TraderCrash => $"trader {Symbol}",
        FaultKind.OrderBookCrash => $"order book {Symbol}",
        FaultKind.ExchangeCrash => "exchange",
        FaultKind.DatabaseOutage => "database",
        FaultKind.RequestTimeout or FaultKind.RequestError => $"requests {Symbol}",
        _ when Kind.IsNodeFault() => $"node {Node}",
        _ => $"stream {Symbol} ({(Channel == StreamChannel.Account ? "account" : "market data")})",
    };
}
