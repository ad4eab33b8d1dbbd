using Akka.Actor;
using ContinuousOperation.Actors.Run;
using ContinuousOperation.Domain.Cluster;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Cli.Hosting;

/// <summary>
/// Where a run's actors live: this process alone (<see cref="LocalRunHost"/>) or a cluster of node processes with this
/// one as its control member. The run verb does the rest the same way for both: manifest, run.json, waiting for the
/// outcome, report.
/// </summary>
internal interface IRunHost : IAsyncDisposable
{
    ActorSystem System { get; }

    /// <summary>Whether starting the run writes into its folder (a cluster's node logs): then the folder is kept even
    /// when the run does not start, since those files say why.</summary>
    bool WritesBeforeTheRun { get; }

    /// <summary>Starts the run's actors, once its manifest and run.json are written; returns the coordinator.</summary>
    Task<IActorRef> StartRunAsync(RunSettings settings, RunHistory history, IRunProgress progress, CancellationToken cancellationToken);

    /// <summary>What the report adds about the topology once the run is over: null on one node.</summary>
    Task<ClusterRun?> ClusterRunAsync();

    /// <summary>The metrics actor a live display asks for <c>GetLiveFigures</c>, when the run's actors and resources are
    /// in this process; null otherwise (a cluster's control member: its console gets the merged progress lines).</summary>
    ICanTell? LiveMetrics { get; }
}

/// <summary>The single-node host: the whole tree in this process (<see cref="LocalRunTree"/>).</summary>
internal sealed class LocalRunHost(ActorHost host, Actors.Faults.IDatabaseOutage outage) : IRunHost
{
    public ActorSystem System => host.System;

    public bool WritesBeforeTheRun => false;

    public Task<IActorRef> StartRunAsync(RunSettings settings, RunHistory history, IRunProgress progress, CancellationToken cancellationToken) =>
        Task.FromResult(LocalRunTree.Start(host.System, settings, outage, AkkaComposition.ReadJournalPluginId, history, progress));

    public Task<ClusterRun?> ClusterRunAsync() => Task.FromResult<ClusterRun?>(null);

    public ICanTell? LiveMetrics => host.System.ActorSelection("/user/metrics");

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
