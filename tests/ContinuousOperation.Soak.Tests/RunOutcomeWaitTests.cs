using Akka.Actor;
using ContinuousOperation.Actors.Run;
using ContinuousOperation.Cli.Commands;

namespace ContinuousOperation.Soak.Tests;

/// <summary>The CLI waits for the run's outcome however long the run lasts, but not for a coordinator that is gone:
/// one that fails to start would otherwise leave the process waiting for ever (and deaf to Ctrl+C).</summary>
public sealed class RunOutcomeWaitTests : IAsyncLifetime
{
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(30);
    private readonly ActorSystem system = ActorSystem.Create("outcome-wait", "akka.loglevel = OFF\nakka.stdout-loglevel = OFF");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => system.Terminate();

    [Fact]
    public async Task A_coordinator_that_stops_before_answering_ends_the_wait_without_an_outcome()
    {
        var coordinator = system.ActorOf(Props.Create(() => new StopsAtStart()));

        var outcome = await RunVerb.RunToTheEndAsync(system, coordinator).WaitAsync(TimeLimit);

        Assert.Null(outcome);
    }

    [Fact]
    public async Task A_coordinator_that_answers_gives_its_outcome()
    {
        var coordinator = system.ActorOf(Props.Create(() => new FailsTheRun()));

        var outcome = await RunVerb.RunToTheEndAsync(system, coordinator).WaitAsync(TimeLimit);

        Assert.Equal(new RunFailed("journal lost"), outcome);
    }

    private sealed class StopsAtStart : ReceiveActor
    {
        protected override void PreStart() => Context.Stop(Self);
    }

    private sealed class FailsTheRun : ReceiveActor
    {
        public FailsTheRun() => Receive<WaitForRunOutcome>(_ => Sender.Tell(new RunFailed("journal lost")));
    }
}
