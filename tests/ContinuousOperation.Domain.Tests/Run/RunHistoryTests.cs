using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Domain.Tests.Run;

public sealed class RunHistoryTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    internal static RunCheckpoint Segment(
        int number, DateTimeOffset startedAt, TimeSpan ran, TimeSpan? faultClock = null, long ordersPlaced = 0,
        IReadOnlyList<FaultRecord>? faults = null, TimeSpan? simulatedEnd = null) =>
        new(number, startedAt, startedAt + ran, faultClock ?? TimeSpan.Zero, TimeSpan.Zero, simulatedEnd,
            new Dictionary<TradingCounter, long> { [TradingCounter.OrdersPlaced] = ordersPlaced }, [], faults ?? []);

    [Fact]
    public void A_run_never_killed_has_no_history_and_runs_its_whole_duration()
    {
        var history = RunHistory.None;

        Assert.False(history.IsResumed);
        Assert.Equal(1, history.NextSegment);
        Assert.Equal(TimeSpan.FromHours(24), history.Remaining(TimeSpan.FromHours(24)));
        Assert.Empty(history.Gaps(T0));
    }

    [Fact]
    public void The_remaining_duration_leaves_out_what_every_earlier_segment_ran()
    {
        var history = new RunHistory([
            Segment(2, T0.AddHours(11), TimeSpan.FromHours(5)),
            Segment(1, T0, TimeSpan.FromHours(10)),
        ]);

        Assert.Equal(TimeSpan.FromHours(15), history.RunTime);
        Assert.Equal(TimeSpan.FromHours(9), history.Remaining(TimeSpan.FromHours(24)));
        Assert.Equal(3, history.NextSegment);
        Assert.Equal(T0, history.StartedAt);
    }

    [Fact]
    public void A_segment_killed_at_its_very_end_still_leaves_a_short_remainder_so_the_run_drains_and_reports()
    {
        var history = new RunHistory([Segment(1, T0, TimeSpan.FromMinutes(61))]);

        Assert.Equal(RunHistory.ShortestRemainder, history.Remaining(TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Gaps_run_from_each_segments_last_checkpoint_to_the_next_start_and_add_up_to_the_downtime()
    {
        var history = new RunHistory([
            Segment(1, T0, TimeSpan.FromHours(1)),
            Segment(2, T0.AddHours(1.5), TimeSpan.FromHours(1)),
        ]);
        var resumedAt = T0.AddHours(2.75);

        var gaps = history.Gaps(resumedAt);

        Assert.Equal([(T0.AddHours(1), T0.AddHours(1.5)), (T0.AddHours(2.5), resumedAt)], gaps);
        Assert.Equal(TimeSpan.FromMinutes(45), history.Downtime(resumedAt));
    }

    [Fact]
    public void The_fault_clock_and_the_counters_of_the_segments_add_up()
    {
        var history = new RunHistory([
            Segment(1, T0, TimeSpan.FromHours(1), faultClock: TimeSpan.FromMinutes(59), ordersPlaced: 100),
            Segment(2, T0.AddHours(2), TimeSpan.FromHours(1), faultClock: TimeSpan.FromMinutes(58), ordersPlaced: 40),
        ]);

        Assert.Equal(TimeSpan.FromMinutes(117), history.FaultClock);
        Assert.Equal(140, history.Counters[TradingCounter.OrdersPlaced]);
    }

    [Fact]
    public void A_fault_still_recovering_when_its_segment_was_killed_is_interrupted_not_pending()
    {
        var pending = new FaultRecord(3, FaultKind.TraderCrash, "trader BTC-USDT", TimeSpan.FromMinutes(5), T0, T0, null,
            TimeSpan.FromSeconds(30), FaultOutcome.Pending);
        var recovered = pending with { Id = 2, RecoveredAt = T0.AddSeconds(1), Outcome = FaultOutcome.Recovered };
        var history = new RunHistory([Segment(1, T0, TimeSpan.FromHours(1), faults: [recovered, pending])]);

        Assert.Equal([FaultOutcome.Recovered, FaultOutcome.Interrupted], history.Faults.Select(f => f.Outcome));
        Assert.Equal(0, FaultLedger.Summarise("light", history.Faults).Totals.Single().NotRecovered);
    }
}
