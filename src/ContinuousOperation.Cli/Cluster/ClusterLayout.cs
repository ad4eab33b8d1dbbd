using System.Net;
using System.Net.Sockets;
using ContinuousOperation.Actors.Cluster;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Cli.Cluster;

/// <summary>Where every member of a launched cluster listens: the launcher (the first and only seed node, role
/// <see cref="ClusterRunTree.ControlRole"/>) and its N nodes. <see cref="Hostname"/> is what remoting binds to,
/// <see cref="AdvertisedHost"/> what the addresses name (the public hostname when given).</summary>
internal sealed record ClusterLayout(string Hostname, string? PublicHostname, int LauncherPort, IReadOnlyList<int> NodePorts)
{
    public const string DefaultHostname = "127.0.0.1";

    public string AdvertisedHost => PublicHostname ?? Hostname;

    public string LauncherAddress => ClusterAddress.Of(AdvertisedHost, LauncherPort);

    public IReadOnlyList<string> SeedNodes => [LauncherAddress];

    public ClusterMember Launcher(RunSettings run) =>
        new(SeedNodes, [ClusterRunTree.ControlRole]) { Run = run, Hostname = Hostname, PublicHostname = PublicHostname, Port = LauncherPort };

    /// <summary>Consecutive ports from <paramref name="basePort"/> (the launcher's), or free ones the operating system
    /// picks on <paramref name="hostname"/> when none is given.</summary>
    public static ClusterLayout Plan(int nodes, string? hostname, string? publicHostname, int? basePort)
    {
        var host = hostname ?? DefaultHostname;
        var ports = basePort is { } first ? Enumerable.Range(first, nodes + 1).ToArray() : FreePorts(host, nodes + 1);
        return new ClusterLayout(host, publicHostname, ports[0], ports[1..]);
    }

    /// <summary>Ports found by binding port 0, all held at once so that none is handed out twice. Another process may
    /// still take one before the member binds it; the member then fails to start, and the launcher says which.</summary>
    private static int[] FreePorts(string host, int count)
    {
        var address = IPAddress.TryParse(host, out var parsed) ? parsed : IPAddress.Loopback;
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(address, 0)).ToArray();
        try
        {
            foreach (var listener in listeners) listener.Start();
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            foreach (var listener in listeners) listener.Stop();
        }
    }
}
