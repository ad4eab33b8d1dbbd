namespace ContinuousOperation.Domain.Faults;

/// <summary>What can be injected. Each kind is real (an actor really throws, messages are really lost, the database
/// really refuses writes) and is recovered by the system's own mechanisms, never by the injector.</summary>
public enum FaultKind
{
    TraderCrash,
    OrderBookCrash,
    ExchangeCrash,
    StreamDisconnect,
    StreamDrop,
    StreamDuplicate,
    StreamReorder,
    StreamSilence,
    RequestTimeout,
    RequestError,
    DatabaseOutage,

    /// <summary>Cluster only: a node process is killed (SIGKILL) and started again after the rule's duration.</summary>
    NodeKill,

    /// <summary>Cluster only: a node is cut off from the others for the rule's duration (paused), long enough for the
    /// split brain resolver to down it; it comes back as a new incarnation.</summary>
    NodePartition,

    /// <summary>Cluster only: a node leaves gracefully, handing its shards off, and is started again after the rule's
    /// duration.</summary>
    NodeLeave,
}

/// <summary>The two streams a trader consumes: public market data, and its private account channel (fills, cancels).</summary>
public enum StreamChannel
{
    MarketData,
    Account,
}

public static class FaultKinds
{
    public static readonly IReadOnlyList<FaultKind> All = Enum.GetValues<FaultKind>();

    /// <summary>The kebab-case name used in profiles, reports and logs, e.g. <c>trader-crash</c>.</summary>
    public static string Name(this FaultKind kind) => kind switch
    {
        FaultKind.TraderCrash => "trader-crash",
        FaultKind.OrderBookCrash => "order-book-crash",
        FaultKind.ExchangeCrash => "exchange-crash",
        FaultKind.StreamDisconnect => "stream-disconnect",
        FaultKind.StreamDrop => "stream-drop",
        FaultKind.StreamDuplicate => "stream-duplicate",
        FaultKind.StreamReorder => "stream-reorder",
        FaultKind.StreamSilence => "stream-silence",
        FaultKind.RequestTimeout => "request-timeout",
        FaultKind.RequestError => "request-error",
        FaultKind.DatabaseOutage => "database-outage",
        FaultKind.NodeKill => "node-kill",
        FaultKind.NodePartition => "node-partition",
        FaultKind.NodeLeave => "node-leave",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParse(string name, out FaultKind kind)
    {
        foreach (var candidate in All)
        {
            if (candidate.Name() != name) continue;
            kind = candidate;
            return true;
        }

        kind = default;
        return false;
    }

    /// <summary>Faults aimed at one symbol's entities; the others hit the whole venue, the database or a node.</summary>
    public static bool TargetsSymbol(this FaultKind kind) =>
        kind is not (FaultKind.ExchangeCrash or FaultKind.DatabaseOutage) && !kind.IsNodeFault();

    /// <summary>Faults aimed at one node of a cluster: they hit every entity the node hosts.</summary>
    public static bool IsNodeFault(this FaultKind kind) => kind is FaultKind.NodeKill or FaultKind.NodePartition or FaultKind.NodeLeave;

    /// <summary>Whether a run of <paramref name="scope"/> can inject the kind: node faults need a cluster, and a
    /// cluster has no single exchange process to crash (each symbol's venue is an entity of its own).</summary>
    public static bool AppliesTo(this FaultKind kind, FaultScope scope) =>
        scope.IsCluster ? kind != FaultKind.ExchangeCrash : !kind.IsNodeFault();

    public static bool IsRequestFault(this FaultKind kind) => kind is FaultKind.RequestTimeout or FaultKind.RequestError;

    public static bool IsStreamFault(this FaultKind kind) =>
        kind is FaultKind.StreamDisconnect or FaultKind.StreamDrop or FaultKind.StreamDuplicate or FaultKind.StreamReorder
            or FaultKind.StreamSilence;
}
