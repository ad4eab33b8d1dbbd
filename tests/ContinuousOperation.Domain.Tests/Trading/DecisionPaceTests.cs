using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Domain.Tests.Trading;

public class DecisionPaceTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan SimulatedMinute = TimeSpan.FromMinutes(1);

    /// <summary>A trader waking on its wall timer (wall time = simulated time ÷ speed) and taking what its pace says is
    /// due at each wake-up: the simulated times of its decisions in the first simulated minute.</summary>
    private static List<TimeSpan> DecisionsInOneSimulatedMinute(double speed)
    {
        var (pace, wake) = DecisionPace.For(Second, speed);
        var decisions = new List<TimeSpan>();
        TimeSpan? next = null;
        for (var wall = TimeSpan.Zero; wall * speed <= SimulatedMinute; wall += wake)
        {
            var now = wall * speed;
            var batch = pace.Due(next ?? now, now);
            next = batch.NextDue;
            decisions.AddRange(batch.Times);
        }

        return decisions.Where(at => at < SimulatedMinute).ToList();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(60)]
    [InlineData(400)]
    [InlineData(1000)]
    public void A_trader_decides_once_per_simulated_second_at_every_speed(double speed)
    {
        var decisions = DecisionsInOneSimulatedMinute(speed);

        // Capping decisions by wall time (one per wake-up, or one per 50 ms) gives 15 at speed 400, not 60.
        Assert.Equal(Enumerable.Range(0, 60).Select(s => TimeSpan.FromSeconds(s)), decisions);
    }

    [Fact]
    public void The_wall_timer_wakes_once_per_decision_where_it_can_and_no_faster_than_the_floor()
    {
        Assert.Equal(Second, DecisionPace.For(Second, 1).WakeInterval);
        Assert.Equal(TimeSpan.FromMilliseconds(50), DecisionPace.For(Second, 20).WakeInterval);
        Assert.Equal(DecisionPace.MinWakeInterval, DecisionPace.For(Second, 400).WakeInterval);
        // One second of wall time's worth of decisions may be caught up on in one wake-up.
        Assert.Equal(400, DecisionPace.For(Second, 400).Pace.MaxCatchUp);
    }

    [Fact]
    public void Nothing_is_due_before_the_next_decision_time()
    {
        var batch = new DecisionPace(Second, MaxCatchUp: 5).Due(nextDue: TimeSpan.FromSeconds(3), now: TimeSpan.FromSeconds(2.5));

        Assert.Empty(batch.Times);
        Assert.Equal(TimeSpan.FromSeconds(3), batch.NextDue);
        Assert.Equal(0, batch.Skipped);
    }

    [Fact]
    public void A_backlog_within_the_bound_is_caught_up_whole_and_on_its_own_times()
    {
        var batch = new DecisionPace(Second, MaxCatchUp: 5).Due(nextDue: TimeSpan.FromSeconds(10), now: TimeSpan.FromSeconds(14.2));

        Assert.Equal([10, 11, 12, 13, 14], batch.Times.Select(t => t.TotalSeconds));
        Assert.Equal(TimeSpan.FromSeconds(15), batch.NextDue);
        Assert.Equal(0, batch.Skipped);
        Assert.Equal(TimeSpan.Zero, batch.Behind);
    }

    [Fact]
    public void A_backlog_beyond_the_bound_keeps_the_newest_decisions_and_says_how_far_behind_it_was()
    {
        var batch = new DecisionPace(Second, MaxCatchUp: 5).Due(nextDue: TimeSpan.Zero, now: TimeSpan.FromSeconds(20));

        Assert.Equal([16, 17, 18, 19, 20], batch.Times.Select(t => t.TotalSeconds));
        Assert.Equal(TimeSpan.FromSeconds(21), batch.NextDue);
        Assert.Equal(16, batch.Skipped);
        Assert.Equal(TimeSpan.FromSeconds(20), batch.Behind);
    }

    /// <summary>Places one limit order per decision while fewer than two are live.</summary>
    private sealed class TwoLiveOrders : ITradingStrategy
    {
        public List<TimeSpan> SeenAt { get; } = [];

        public IReadOnlyList<TradingIntent> Decide(MarketView view, TraderState state, Random rng)
        {
            SeenAt.Add(view.SimTime);
            return state.LiveOrders.Count < 2 ? [new PlaceOrderIntent(Side.Buy, OrderType.Limit, 10m, 1m)] : [];
        }
    }

    [Fact]
    public void A_batch_of_decisions_sees_its_own_submissions_so_order_limits_hold_across_it()
    {
        var eth = new Symbol("ETH-USDT");
        var state = TraderState.Empty(eth).Apply(new AccountOpened(eth, AccountId.TraderFor(eth), 1_000m));
        var strategy = new TwoLiveOrders();
        var times = Enumerable.Range(0, 5).Select(s => TimeSpan.FromSeconds(s)).ToArray();

        var plan = OrderPlanning.PlanDecisions(state, new MarketView(9m, 11m, 10m, TimeSpan.Zero), times, strategy, new Random(1));

        Assert.Equal(times, strategy.SeenAt);
        Assert.Equal(["ETH-USDT-1", "ETH-USDT-2"], plan.Submissions.Select(s => s.ClientOrderId.Value));
        Assert.Equal([0d, 1d], plan.Submissions.Select(s => s.SimTime.TotalSeconds));
    }
}
