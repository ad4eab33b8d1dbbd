using Akka.Event;
using Akka.Actor;
using ContinuousOperation.Actors.Run;
using ContinuousOperation.Actors.Tests.Support;
using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Actors.Tests.Run;

/// <summary>The whole single-node tree on a real journal: a run that reaches its deadline, and one stopped early.</summary>
public class RunCoordinatorTests : SqliteTestKit
{
    private static RunSettings Settings(TimeSpan duration) => new(
        duration, InstrumentCatalog.First(2), Seed: 5, new MarketSettings(), Speed: 10,
        SampleInterval: TimeSpan.FromMilliseconds(500), ProgressInterval: TimeSpan.FromSeconds(1), new CriteriaThresholds())
    {
        Run = TestRun.Id,
    };

    private IActorRef StartRun(TimeSpan duration) =>
        StartRun(Settings(duration));

    private IActorRef StartRun(RunSettings settings) =>
        LocalRunTree.Start(Sys, settings, new SqliteWriteLock(Journal.ConnectionString), TempSqliteJournal.ReadJournalPluginId,
            RunHistory.None, progress: null);

    [Fact]
    public async Task A_run_trades_until_its_deadline_then_drains_reconciles_and_reports()
    {
        var run = StartRun(TimeSpan.FromSeconds(4));

        var outcome = await run.Ask<RunOutcome>(WaitForRunOutcome.Instance, TimeSpan.FromSeconds(60));

        var completed = Assert.IsType<RunCompleted>(outcome);
        Assert.False(completed.Interrupted);
        Assert.True(completed.Consistency.IsValid);
        Assert.Equal(2, completed.Consistency.Symbols.Count);
        Assert.True(completed.Metrics.Counter(TradingCounter.OrdersPlaced) > 0);
        Assert.True(completed.Metrics.Counter(TradingCounter.FillsApplied) > 0);
        var activity = Assert.IsType<TradingActivity>(completed.Metrics.Activity);
        Assert.Equal(["BTC-USDT", "ETH-USDT"], activity.Symbols.Select(s => s.Symbol.Value));
        Assert.All(activity.Symbols, s => Assert.True(s is { OrdersPlaced: > 0, Fills: > 0 }, s.ToString()));
        Assert.InRange(activity.Window, TimeSpan.FromSeconds(3), completed.EndedAt - completed.StartedAt);
        Assert.NotEmpty(completed.Metrics.Samples);
        Assert.Equal(0, completed.Metrics.TotalErrors);
        Assert.True(completed.EndedAt - completed.StartedAt >= TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task Stopping_a_run_early_still_drains_and_reconciles_and_marks_it_interrupted()
    {
        var run = StartRun(TimeSpan.FromHours(1));
        var waiting = run.Ask<RunOutcome>(WaitForRunOutcome.Instance, TimeSpan.FromSeconds(60));

        run.Tell(StopRun.Instance);
        run.Tell(StopRun.Instance);

        var completed = Assert.IsType<RunCompleted>(await waiting);
        Assert.True(completed.Interrupted);
        Assert.True(completed.Consistency.IsValid);

        // Asked again after the end, the coordinator answers with the same outcome.
        Assert.Same(completed, await run.Ask<RunOutcome>(WaitForRunOutcome.Instance, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Faults_are_injected_only_once_every_book_and_trader_is_up()
    {
        var up = CreateTestProbe();
        Sys.EventStream.Subscribe(up.Ref, typeof(EntityRecovered));
        // Six crashes planned over 5-80 % of the run: the first is due within 0.7 s of wall time.
        var crashes = new FaultProfile("early", new Dictionary<FaultKind, FaultRule>
        {
            [FaultKind.TraderCrash] = new(RatePerHour: 540, RecoveryDeadline: TimeSpan.FromSeconds(30)),
        });
        // A slow start, as on a loaded machine: while another connection holds the write lock, the snapshot store
        // cannot initialise, so no book or trader can come up. The lock goes once initialisation has failed (after
        // the journal's 1 s lock wait), which is later than the first crash was due.
        var initialisation = CreateTestProbe();
        Sys.EventStream.Subscribe(initialisation.Ref, typeof(Error));
        var writes = await new SqliteWriteLock(Journal.ConnectionString).BeginAsync(CancellationToken.None);
        var run = StartRun(Settings(TimeSpan.FromSeconds(4)) with { Faults = crashes });
        initialisation.FishForMessage<Error>(e => e.LogSource.Contains("snapshot-store"), TimeSpan.FromSeconds(30));
        await writes.DisposeAsync();

        var lastUp = DateTimeOffset.MinValue;
        var entities = new HashSet<(EntityKind, string)>();
        while (entities.Count < 4)
        {
            var announced = up.ExpectMsg<EntityRecovered>(TimeSpan.FromSeconds(30));
            if (entities.Add((announced.Entity, announced.Symbol.Value))) lastUp = announced.At;
        }

        var completed = Assert.IsType<RunCompleted>(await run.Ask<RunOutcome>(WaitForRunOutcome.Instance, TimeSpan.FromSeconds(90)));
        Assert.NotEmpty(completed.Faults.Timeline);
        Assert.All(completed.Faults.Timeline, crash =>
        {
            Assert.True(crash.InjectedAt >= lastUp, $"fault #{crash.Id} injected at {crash.InjectedAt:O}, every entity up at {lastUp:O}");
            Assert.Equal(FaultOutcome.Recovered, crash.Outcome);
        });
    }
}
