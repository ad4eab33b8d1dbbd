using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Domain.Tests.Run;

public sealed class RunSegmentTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    private static readonly IReadOnlyDictionary<TradingCounter, long> Counters =
        new Dictionary<TradingCounter, long> { [TradingCounter.OrdersPlaced] = 12 };

    private static RunSettings Settings(FaultProfile? faults = null) =>
        new(TimeSpan.FromHours(2), InstrumentCatalog.First(1), 7, new MarketSettings(), 1,
            TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), new CriteriaThresholds())
        {
            Run = RunId.New(T0, 7, new Random(1)),
            Faults = faults ?? FaultProfile.None,
        };

    private static RunSegment Fresh(FaultProfile? faults = null) => new(Settings(faults), RunHistory.None, T0);

    private static RunCheckpoint Checkpoint(RunSegment segment, DateTimeOffset at, TimeSpan? simulated)
    {
        Assert.True(segment.BeginCheckpoint());
        return segment.Checkpoint(at, simulated, Counters, [], FaultReport.None);
    }

    [Fact]
    public void A_resumed_segment_runs_what_its_earlier_segments_left_and_numbers_its_checkpoints_after_them()
    {
        var history = new RunHistory([RunHistoryTests.Segment(1, T0.AddHours(-1), TimeSpan.FromMinutes(50))]);
        var segment = new RunSegment(Settings(), history, T0);

        var checkpoint = Checkpoint(segment, T0.AddSeconds(2), simulated: null);

        Assert.Equal(TimeSpan.FromMinutes(70), segment.Remaining);
        Assert.Equal(2, checkpoint.Segment);
        Assert.Equal(T0, checkpoint.StartedAt);
        Assert.Equal(TimeSpan.FromSeconds(2), checkpoint.RunTime);
    }

    [Fact]
    public void A_resumed_segment_starts_its_simulated_clock_where_the_earlier_segment_ended_even_when_the_market_restarts_a_tick_earlier()
    {
        var history = new RunHistory([RunHistoryTests.Segment(1, T0.AddHours(-1), TimeSpan.FromMinutes(50), simulatedEnd: TimeSpan.FromSeconds(492))]);
        var segment = new RunSegment(Settings(), history, T0);

        Checkpoint(segment, T0.AddSeconds(1), TimeSpan.FromSeconds(491.81));
        var later = Checkpoint(segment, T0.AddSeconds(3), TimeSpan.FromSeconds(503.81));

        Assert.Equal(TimeSpan.FromSeconds(492), later.SimulatedStart);
        Assert.Equal((TimeSpan.FromSeconds(492), TimeSpan.FromSeconds(503.81)), segment.SimulatedClock(null));
    }

    [Fact]
    public void The_fault_clock_counts_from_its_start_once_and_is_zero_before_it()
    {
        var segment = Fresh();

        var before = Checkpoint(segment, T0.AddSeconds(4), simulated: null);
        Assert.True(segment.StartFaultClock(T0.AddSeconds(5)));
        Assert.False(segment.StartFaultClock(T0.AddSeconds(9)));
        var after = Checkpoint(segment, T0.AddSeconds(12), simulated: null);

        Assert.Equal(TimeSpan.Zero, before.FaultClock);
        Assert.Equal(TimeSpan.FromSeconds(7), after.FaultClock);
    }

    [Fact]
    public void No_fault_clock_starts_and_no_checkpoint_is_gathered_once_the_run_is_finishing_and_it_finishes_once()
    {
        var segment = Fresh();

        Assert.True(segment.Finish());
        Assert.False(segment.Finish());
        Assert.True(segment.IsFinishing);
        Assert.False(segment.StartFaultClock(T0.AddSeconds(1)));
        Assert.False(segment.BeginCheckpoint());
    }

    [Fact]
    public void One_checkpoint_is_gathered_at_a_time_and_a_failed_one_lets_the_next_go()
    {
        var segment = Fresh();

        Assert.True(segment.BeginCheckpoint());
        Assert.False(segment.BeginCheckpoint());
        segment.CheckpointFailed();
        Assert.True(segment.BeginCheckpoint());
        segment.Checkpoint(T0.AddSeconds(2), null, Counters, [], FaultReport.None);
        Assert.True(segment.BeginCheckpoint());
    }

    [Fact]
    public void A_checkpoint_records_the_figures_gathered_and_the_simulated_clock_from_the_first_book_that_answered()
    {
        var segment = Fresh();
        var fault = new FaultRecord(1, FaultKind.TraderCrash, "trader-BTC-USDT", TimeSpan.FromMinutes(3), T0, T0, null,
            TimeSpan.FromSeconds(30), FaultOutcome.Pending);
        var error = new ErrorSummary(ErrorKind.Actor, ErrorSeverity.Error, "run", 1, T0, T0, "slow");

        Checkpoint(segment, T0.AddSeconds(2), simulated: null);
        Checkpoint(segment, T0.AddSeconds(4), simulated: TimeSpan.FromMinutes(1));
        Assert.True(segment.BeginCheckpoint());
        var last = segment.Checkpoint(T0.AddSeconds(6), null, Counters, [error],
            new FaultReport("early", [fault], []));

        Assert.Equal(TimeSpan.FromMinutes(1), last.SimulatedStart);
        Assert.Equal(TimeSpan.FromMinutes(1), last.SimulatedNow); // a book that did not answer leaves the clock where it was
        Assert.Equal(12, last.Counters[TradingCounter.OrdersPlaced]);
        Assert.Equal([error], last.Errors);
        Assert.Equal([fault], last.Faults);
    }

    [Fact]
    public void The_reported_simulated_clock_ends_where_the_book_says_or_else_at_the_latest_checkpoint()
    {
        static TimeSpan Minutes(int m) => TimeSpan.FromMinutes(m);
        var segment = Fresh();
        Assert.Equal(((TimeSpan?)null, (TimeSpan?)null), segment.SimulatedClock(null));
        Assert.Equal(((TimeSpan?)Minutes(9), (TimeSpan?)Minutes(9)), segment.SimulatedClock(Minutes(9)));

        Checkpoint(segment, T0.AddSeconds(2), Minutes(1));
        Checkpoint(segment, T0.AddSeconds(4), Minutes(2));

        Assert.Equal(((TimeSpan?)Minutes(1), (TimeSpan?)Minutes(5)), segment.SimulatedClock(Minutes(5)));
        Assert.Equal(((TimeSpan?)Minutes(1), (TimeSpan?)Minutes(2)), segment.SimulatedClock(null));
    }

    [Fact]
    public void Faults_still_recovering_at_the_end_may_take_the_longest_fault_and_its_recovery_deadline()
    {
        var faults = new FaultProfile("mixed", new Dictionary<FaultKind, FaultRule>
        {
            [FaultKind.TraderCrash] = new(1, RecoveryDeadline: TimeSpan.FromSeconds(30)),
            [FaultKind.DatabaseOutage] = new(1, RecoveryDeadline: TimeSpan.FromSeconds(20), Duration: TimeSpan.FromSeconds(15)),
        });

        Assert.Equal(TimeSpan.FromSeconds(35), Fresh(faults).LongestRecovery);
        Assert.Equal(TimeSpan.Zero, Fresh().LongestRecovery);
    }
}
