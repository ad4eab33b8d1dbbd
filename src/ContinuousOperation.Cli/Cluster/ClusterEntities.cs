using Akka.Hosting;
using ContinuousOperation.Actors.Cluster;

namespace ContinuousOperation.Cli.Cluster;

/// <summary>What a member hosts, by role. This is where the shard regions (order books and traders, role
/// <see cref="ClusterRunTree.TradingRole"/>) and their proxies and the singletons (role <see cref="ClusterRunTree.ControlRole"/>)
/// are registered with <c>WithShardRegion</c>/<c>WithSingleton</c> once the soak runs across nodes (issue 9, item 3);
/// until then a member hosts nothing of the soak and only takes part in membership.</summary>
internal static class ClusterEntities
{
    public static AkkaConfigurationBuilder Register(AkkaConfigurationBuilder builder, string role) => builder;
}
