using System.Collections.Frozen;
using ContinuousOperation.Actors.Cluster;
using ContinuousOperation.Actors.Consistency;
using ContinuousOperation.Actors.Exchange;
using ContinuousOperation.Actors.Faults;
using ContinuousOperation.Actors.Monitoring;
using ContinuousOperation.Actors.Run;
using ContinuousOperation.Actors.Topology;
using ContinuousOperation.Actors.Trading;
using ContinuousOperation.Domain.Cluster;
using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Actors.Wire;

/// <summary>
/// Every message that may cross nodes, with its stable manifest. <see cref="WireSerializer"/> is bound to exactly these
/// types, so a message sent to another node is never left to Akka's fallback serializer. A new cross-node message is
/// one line here (the round-trip and coverage tests then check it).
/// </summary>
public static class WireRegistry
{
    public static readonly IReadOnlyList<WireEntry> Entries =
    [
        // exchange protocol: order calls and the account channel
        new(typeof(PlaceOrder), "place-order"),
        new(typeof(OrderPlaced), "order-placed"),
        new(typeof(OrderPlacementRejected), "order-rejected"),
        new(typeof(CancelOrder), "cancel-order"),
        new(typeof(CancelRejected), "cancel-rejected"),
        new(typeof(SyncAccount), "sync-account"),
        new(typeof(AccountSynced), "account-synced"),
        new(typeof(AccountFillReport), "account-fill"),
        new(typeof(AccountOrderCancelled), "account-cancelled"),
        new(typeof(AccountChannelClosed), "account-closed"),
        new(typeof(AccountHeartbeat), "account-heartbeat"),
        new(typeof(RequestFailed), "request-failed"),

        // exchange protocol: market data
        new(typeof(GetTicker), "get-ticker"),
        new(typeof(TickerReply), "ticker"),
        new(typeof(GetDepth), "get-depth"),
        new(typeof(DepthReply), "depth"),
        new(typeof(SubscribeMarketData), "md-subscribe"),
        new(typeof(UnsubscribeMarketData), "md-unsubscribe"),
        new(typeof(MarketDataSnapshot), "md-snapshot"),
        new(typeof(MarketDataUpdate), "md-update"),
        new(typeof(TradePrint), "md-trade"),
        new(typeof(MarketDataHeartbeat), "md-heartbeat"),
        new(typeof(MarketDataDisconnected), "md-disconnected"),

        // routing by symbol, and the run lifecycle of books and traders
        new(typeof(ForSymbol), "for-symbol"),
        new(typeof(EnsureStarted), "ensure-started"),
        new(typeof(CloseBook), "close-book"),
        new(typeof(BookClosedAck), "book-closed"),
        new(typeof(StopTrading), "stop-trading"),
        new(typeof(TraderDrained), "trader-drained"),
        new(typeof(AllTradersDrained), "traders-drained"),

        // metrics
        new(typeof(CountTrading), "count"),
        new(typeof(TradingEnded), "trading-ended"),
        new(typeof(ReportError), "report-error"),
        new(typeof(ReportLag), "report-lag"),
        new(typeof(GetMetricsSnapshot), "get-metrics"),
        new(typeof(MetricsSnapshot), "metrics"),
        new(typeof(GetMetricsTally), "get-tally"),
        new(typeof(MetricsTally), "tally"),
        new(typeof(GetMetricsSoFar), "get-metrics-so-far"),
        new(typeof(GetLiveFigures), "get-live-figures"),
        new(typeof(LiveFigures), "live-figures"),
        new(typeof(ClusterMetricsMerged), "cluster-metrics-merged"),
        new(typeof(GetMergedMetrics), "get-merged-metrics"),

        // fault control, and the recovery signals that end faults
        new(typeof(StartFaults), "start-faults"),
        new(typeof(InjectCrash), "inject-crash"),
        new(typeof(InjectMarketDataFault), "inject-md-fault"),
        new(typeof(InjectAccountChannelFault), "inject-account-fault"),
        new(typeof(InjectRequestFaults), "inject-request-faults"),
        new(typeof(FaultApplied), "fault-applied"),
        new(typeof(FaultInEffect), "fault-in-effect"),
        new(typeof(FaultSettled), "fault-settled"),
        new(typeof(AwaitFaultsSettled), "await-faults-settled"),
        new(typeof(FaultsSettled), "faults-settled"),
        new(typeof(GetFaultReport), "get-fault-report"),
        new(typeof(CloseFaultReport), "close-fault-report"),
        new(typeof(FaultReport), "fault-report"),
        new(typeof(EntityRecovered), "entity-recovered"),
        new(typeof(EntityStopped), "entity-stopped"),
        new(typeof(StreamRestored), "stream-restored"),
        new(typeof(DuplicateIgnored), "duplicate-ignored"),
        new(typeof(FaultEffectEnded), "fault-effect-ended"),
        new(typeof(RelayedSignal), "relayed-signal"),

        // the cluster's observer
        new(typeof(GetHosted), "get-hosted"),
        new(typeof(Hosted), "hosted"),
        new(typeof(GetClusterHistory), "get-cluster-history"),
        new(typeof(ClusterHistory), "cluster-history"),

        // run and consistency
        new(typeof(WaitForRunOutcome), "wait-outcome"),
        new(typeof(StopRun), "stop-run"),
        new(typeof(RunCompleted), "run-completed"),
        new(typeof(RunFailed), "run-failed"),
        new(typeof(Reconcile), "reconcile"),
        new(typeof(ReconcileRound), "reconcile-round"),
        new(typeof(RoundReconciled), "round-reconciled"),
        new(typeof(ReconciliationFailed), "reconciliation-failed"),
        new(typeof(ReconciliationProgress), "reconciliation-progress"),
        new(typeof(ConsistencyReport), "consistency-report"),
    ];

    public static readonly IReadOnlyList<Type> Types = Entries.Select(e => e.Type).ToArray();

    private static readonly FrozenDictionary<Type, string> ManifestsByType = Entries.ToFrozenDictionary(e => e.Type, e => e.Manifest);

    private static readonly FrozenDictionary<string, Type> TypesByManifest =
        Entries.ToFrozenDictionary(e => e.Manifest, e => e.Type, StringComparer.Ordinal);

    public static bool TryGetManifest(Type type, out string manifest) => ManifestsByType.TryGetValue(type, out manifest!);

    public static bool TryGetType(string manifest, out Type type) => TypesByManifest.TryGetValue(manifest, out type!);
}
