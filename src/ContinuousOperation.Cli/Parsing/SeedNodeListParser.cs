using Akka.Actor;
using ContinuousOperation.Cli.Cluster;
using ContinuousOperation.Cli.Hosting;

namespace ContinuousOperation.Cli.Parsing;

/// <summary>Parses <c>--seed-nodes akka.tcp://continuous-operation@host:port,…</c>: each an address of this system
/// (another system name would never let the node in), with a host and a port, named once.</summary>
internal static class SeedNodeListParser
{
    public static bool TryParse(string text, out IReadOnlyList<string> seeds, out string error)
    {
        var items = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var example = ClusterAddress.Of("127.0.0.1", 4053);
        error = items switch
        {
            [] => $"--seed-nodes needs at least one address, e.g. {example}",
            _ when items.FirstOrDefault(i => !IsSeedAddress(i)) is { } bad =>
                $"--seed-nodes: '{bad}' is not an address of this system: expected {ClusterAddress.Protocol}://{AkkaComposition.SystemName}@HOST:PORT, e.g. {example}",
            _ when items.GroupBy(i => i).FirstOrDefault(g => g.Count() > 1) is { } twice => $"--seed-nodes: '{twice.Key}' is listed twice",
            _ => string.Empty,
        };
        seeds = error.Length == 0 ? items : [];
        return error.Length == 0;
    }

    private static bool IsSeedAddress(string text) =>
        ActorPath.TryParseAddress(text, out var address)
        && address is { Protocol: ClusterAddress.Protocol, System: AkkaComposition.SystemName, Host.Length: > 0, Port: > 0 and <= 65535 };
}
