using System.Collections.Concurrent;
using Akka.Actor;
using ContinuousOperation.Actors.Run;
using ContinuousOperation.Actors.Tests.Support;
using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Actors.Tests.Run;

/// <summary>The coordinator of a resumed run: it runs only what is left of the duration, checkpoints as the next
/// segment, and fires only the faults its earlier segments had not reached.</summary>
public class ResumedRunTests : SqliteTestKit
{
    private static readonly DateTimeOffset Earlier = DateTimeOffset.UtcNow.AddHours(-2);

    private static RunSettings Settings(TimeSpan duration) => new(
        duration, InstrumentCatalog.First(1), Seed: 5, new MarketSettings(), Speed: 10,
        SampleInterval: TimeSpan.FromMilliseconds(500), ProgressInterval: TimeSpan.FromSeconds(1), new CriteriaThresholds())
    {
        Run = TestRun.Id,
        Faults = FaultProfile.Heavy,
    };

    private static RunHistory KilledAfter(TimeSpan ran, TimeSpan faultClock) => new([
        new RunCheckpoint(1, Earlier, Earlier + ran, faultClock, TimeSpan.Zero, ran * 10,
            new Dictionary<TradingCounter, long>(), [], []),
    ]);

    [Fact]
    public async Task A_resumed_run_runs_only_what_is_left_of_its_duration_and_checkpoints_as_the_next_segment()
    {
        var progress = new RecordingProgress();
        // An hour's run of which all but three seconds ran before the kill: without the history it would trade an hour.
        var history = KilledAfter(TimeSpan.FromHours(1) - TimeSpan.FromSeconds(3), TimeSpan.Zero);
        var run = LocalRunTree.Start(Sys, Settings(TimeSpan.FromHours(1)) with { Faults = FaultProfile.None },
            new SqliteWriteLock(Journal.ConnectionString), TempSqliteJournal.ReadJournalPluginId, history, progress);

        var completed = Assert.IsType<RunCompleted>(await run.Ask<RunOutcome>(WaitForRunOutcome.Instance, TimeSpan.FromSeconds(90)));

        Assert.False(completed.Interrupted);
        Assert.True(completed.Consistency.IsValid);
        Assert.NotEmpty(progress.Saved);
        Assert.All(progress.Saved, c => Assert.Equal(2, c.Segment));
        Assert.Contains(progress.Saved, c => c.SimulatedNow is not null && c.Counters.Count > 0);
    }

    [Fact]
    public void Faults_before_the_resume_point_are_not_fired_again_and_the_others_keep_their_planned_offsets()
    {
        var settings = Settings(TimeSpan.FromHours(1));
        var faultClock = TimeSpan.FromMinutes(30);

        var (injection, passed) = RunTopology.FaultInjection(settings, KilledAfter(TimeSpan.FromMinutes(31), faultClock));

        var resumePoint = faultClock * settings.Speed;
        Assert.Equal(resumePoint, injection.ResumedAt);
        Assert.NotEmpty(passed);
        Assert.All(passed, f => Assert.True(f.At < resumePoint));
        Assert.All(injection.Schedule, f => Assert.True(f.At >= resumePoint));
        var next = injection.Schedule[0];
        Assert.Equal((next.At - resumePoint) / settings.Speed, injection.WallTimeOf(next));
        var whole = RunTopology.FaultInjection(settings, RunHistory.None).Injection.Schedule;
        Assert.Equal(whole, passed.Concat(injection.Schedule));
    }

    private sealed class RecordingProgress : IRunProgress
    {
        private readonly ConcurrentQueue<RunCheckpoint> saved = new();

        public IReadOnlyList<RunCheckpoint> Saved => saved.ToArray();

        public void Save(RunCheckpoint checkpoint) => saved.Enqueue(checkpoint);
    }
}
