using ContinuousOperation.Cli.Hosting;

namespace ContinuousOperation.Cli.Cluster;

/// <summary>How one process takes part in the cluster: the seed nodes it joins, its roles, and where its remoting
/// listens. A null <see cref="Hostname"/>, <see cref="PublicHostname"/> or <see cref="Port"/> keeps the value of
/// <c>cluster.hocon</c> (or <c>--config</c>).</summary>
internal sealed record ClusterMember(IReadOnlyList<string> SeedNodes, IReadOnlyList<string> Roles)
{
    public string? Hostname { get; init; }
    public string? PublicHostname { get; init; }
    public int? Port { get; init; }
}

/// <summary>The roles of cluster mode: the launcher is the one <see cref="Control"/> member (it will host the
/// singletons: coordinator, fault injector, consistency); the node processes are <see cref="Trading"/> members (they
/// will host the shard regions: books and traders).</summary>
internal static class ClusterRoles
{
    public const string Control = "control";
    public const string Trading = "trading";
}

internal static class ClusterAddress
{
    public const string Protocol = "akka.tcp";

    /// <summary>The address a member at <paramref name="host"/>:<paramref name="port"/> has, as seeds name it.</summary>
    public static string Of(string host, int port) => $"{Protocol}://{AkkaComposition.SystemName}@{host}:{port}";
}
