using Akka.Actor;
using Akka.Cluster.Hosting;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using ContinuousOperation.Actors;
using ContinuousOperation.Actors.Cluster;
using ContinuousOperation.Actors.Run;
using ContinuousOperation.Cli.Hosting;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Run;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Cli.Cluster;

/// <summary>
/// What a member hosts, by role, registered with the host. A <see cref="ClusterRunTree.TradingRole"/> member hosts
/// the two shard regions — order books (<c>venue</c>) and traders (<c>trader</c>), entity id = symbol — next to its
/// own metrics, dead-letter watcher and signal relay. A <see cref="ClusterRunTree.ControlRole"/> member reaches them
/// through proxies; its singletons are started by the launcher once every member is Up.
/// </summary>
internal static class ClusterEntities
{
    public const string VenueTypeName = "venue";
    public const string TraderTypeName = "trader";

    public static AkkaConfigurationBuilder Register(AkkaConfigurationBuilder builder, string role, RunSettings run)
    {
        var shards = SymbolShards.Instance;
        return role switch
        {
            ClusterRunTree.TradingRole => HostEntities(builder, run, shards),
            ClusterRunTree.ControlRole => builder
                .WithShardRegionProxy<VenueRegion>(VenueTypeName, ClusterRunTree.TradingRole, shards)
                .WithShardRegionProxy<TraderRegion>(TraderTypeName, ClusterRunTree.TradingRole, shards),
            _ => builder,
        };
    }

    /// <summary>The snapshot settings are the node's own configuration's, read once its actor system exists, as the
    /// single-node run reads them.</summary>
    private static AkkaConfigurationBuilder HostEntities(AkkaConfigurationBuilder builder, RunSettings run, SymbolShards shards)
    {
        var options = new ShardOptions
        {
            Role = ClusterRunTree.TradingRole,
            StateStoreMode = StateStoreMode.DData,
            // Entities are kept alive by the coordinator (EnsureStarted every second), not remembered: a lost node's
            // entities start again on a survivor at the next keep-alive, and sharding writes nothing to the journal.
            RememberEntities = false,
            ShouldPassivateIdleEntities = false,
        };
        RunSettings Resolved(ActorSystem system) => run with { Snapshots = SnapshotConfig.Read(system.Settings.Config) };
        return builder
            .WithActors((system, registry) => registry.Register<MemberMetrics>(
                ClusterRunTree.MemberServices(system, ClusterRunTree.Metrics(run) with { SamplesFile = null })))
            .WithShardRegion<VenueRegion>(VenueTypeName, (system, registry, _) =>
            {
                var exchange = RunTopology.Exchange(Resolved(system));
                var metrics = registry.Get<MemberMetrics>();
                return symbol => RunTopology.ExchangeEntity(exchange, new Symbol(symbol), metrics);
            }, shards, options)
            .WithShardRegion<TraderRegion>(TraderTypeName, (system, registry, _) =>
            {
                var traders = RunTopology.Traders(Resolved(system)).ToDictionary(t => t.Instrument.Symbol.Value);
                var (exchange, metrics) = (registry.Get<VenueRegion>(), registry.Get<MemberMetrics>());
                return symbol =>
                {
                    var trader = traders[symbol];
                    return RunTopology.TraderEntity(trader, new DefaultStrategy(trader.Instrument, StrategySettings.Default),
                        RestartBackoff.Default, exchange, metrics);
                };
            }, shards, options);
    }
}

/// <summary>Registry keys of a cluster member's actors.</summary>
internal sealed class VenueRegion;

internal sealed class TraderRegion;

internal sealed class MemberMetrics;
