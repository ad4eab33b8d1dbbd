using Akka.Actor;
using Akka.Configuration;
using Akka.Hosting;
using ContinuousOperation.Cli.Cluster;
using ContinuousOperation.Cli.Database;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ContinuousOperation.Cli.Hosting;

/// <summary>
/// The generic host that owns the actor system. Built with <c>new HostBuilder()</c> on purpose: the default builder
/// watches its content root for configuration changes, recursively, and with the SQLite journal inside that tree every
/// write would wake the watcher and cost a third of the persistence throughput.
/// </summary>
internal sealed class ActorHost : IAsyncDisposable
{
    private readonly IHost _host;

    private ActorHost(IHost host)
    {
        _host = host;
        System = host.Services.GetRequiredService<ActorSystem>();
    }

    public ActorSystem System { get; }

    /// <param name="member">How the actor system joins the cluster; null for a process that is no cluster member.</param>
    public static async Task<ActorHost> StartAsync(
        DatabaseTarget database, Config? userConfig, CancellationToken cancellationToken, ClusterMember? member = null)
    {
        var host = new HostBuilder()
            .ConfigureServices(services => services.AddAkka(AkkaComposition.SystemName,
                (builder, _) => AkkaComposition.Configure(builder, database, userConfig, member)))
            .Build();
        await host.StartAsync(cancellationToken);
        return new ActorHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
