namespace ContinuousOperation.Domain.Trading;

/// <summary>What happened to an order, reduced to what matters for its status.</summary>
public enum OrderEventKind
{
    Acknowledge,

    /// <summary>A fill that leaves part of the order unfilled.</summary>
    PartialFill,

    /// <summary>The fill that brings the filled quantity up to the order quantity.</summary>
    CompleteFill,
    Cancel,
    Reject,
}
