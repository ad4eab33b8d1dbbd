using ContinuousOperation.Cli.Hosting;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Cli.Cluster;

/// <summary>How one process takes part in the cluster: the seed nodes it joins, its roles, and where its remoting
/// listens. A null <see cref="Hostname"/>, <see cref="PublicHostname"/> or <see cref="Port"/> keeps the value of
/// <c>cluster.hocon</c> (or <c>--config</c>).</summary>
internal sealed record ClusterMember(IReadOnlyList<string> SeedNodes, IReadOnlyList<string> Roles)
{
    /// <summary>The run whose entities this member hosts (trading) or reaches through proxies (control).</summary>
    public required RunSettings Run { get; init; }

    public string? Hostname { get; init; }
    public string? PublicHostname { get; init; }
    public int? Port { get; init; }
}

internal static class ClusterAddress
{
    public const string Protocol = "akka.tcp";

    /// <summary>The address a member at <paramref name="host"/>:<paramref name="port"/> has, as seeds name it.</summary>
    public static string Of(string host, int port) => $"{Protocol}://{AkkaComposition.SystemName}@{host}:{port}";
}
