using Akka.Actor;
using ContinuousOperation.Actors.Run;
using ContinuousOperation.Actors.Tests.Support;
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
        Sys.ActorOf(RunCoordinator.Props(Settings(duration), new SqliteWriteLock(Journal.ConnectionString), TempSqliteJournal.ReadJournalPluginId), "run");

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
}
