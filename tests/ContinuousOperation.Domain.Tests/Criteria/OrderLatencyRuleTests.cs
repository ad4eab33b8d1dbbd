using ContinuousOperation.Domain.Criteria;
using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Run;
using static ContinuousOperation.Domain.Tests.Criteria.RunFixtures;

namespace ContinuousOperation.Domain.Tests.Criteria;

public sealed class OrderLatencyRuleTests
{
    private static readonly CriteriaThresholds Limit250 = new() { MaxOrderLatencyP99 = TimeSpan.FromMilliseconds(250) };

    private static Dictionary<string, LatencySummary> RoundTrips(long count, double p99) => new()
    {
        [LatencyInstruments.OrderRoundTrip] = new LatencySummary(count, p99 / 4, p99 / 3, p99, p99 * 2),
        [LatencyInstruments.FillToPersist] = new LatencySummary(count, 1, 1, 9_999, 9_999),
    };

    [Theory]
    [InlineData(249.9, CriterionOutcome.Pass)]
    [InlineData(250, CriterionOutcome.Pass)]
    [InlineData(250.1, CriterionOutcome.Fail)]
    public void The_order_round_trip_p99_must_not_exceed_the_limit(double p99, CriterionOutcome expected)
    {
        var result = OrderLatencyRule.Judge(Limit250, RoundTrips(1_000, p99))!;

        Assert.Equal(expected, result.Result);
        Assert.Equal(SuccessCriteria.OrderLatencyP99, result.Name);
        Assert.Equal("p99", result.Rule);
        Assert.Equal(250, result.Threshold);
        Assert.Equal(p99, result.Observed);
        Assert.StartsWith("99th percentile of 1000 order round trips", result.Note);
    }

    [Fact]
    public void A_run_without_a_round_trip_is_inconclusive()
    {
        Assert.Equal(CriterionOutcome.Inconclusive, OrderLatencyRule.Judge(Limit250, RoundTrips(0, 0))!.Result);
        var unmeasured = OrderLatencyRule.Judge(Limit250, null)!;
        Assert.Equal(CriterionOutcome.Inconclusive, unmeasured.Result);
        Assert.Equal("no orders", unmeasured.Rule);
    }

    [Fact]
    public void Without_a_limit_the_criterion_is_not_part_of_the_run()
    {
        Assert.Null(OrderLatencyRule.Judge(new CriteriaThresholds(), RoundTrips(1_000, 10_000)));
        var metrics = Metrics(TimeSpan.FromHours(1)) with { Latencies = RoundTrips(1_000, 10_000) };

        Assert.DoesNotContain(SuccessCriteria.Evaluate(new CriteriaThresholds(), metrics, Reconciliation()).Results,
            r => r.Name == SuccessCriteria.OrderLatencyP99);
        var judged = SuccessCriteria.Evaluate(Limit250, metrics, Reconciliation());
        Assert.Equal(CriterionOutcome.Fail, judged.Results.Single(r => r.Name == SuccessCriteria.OrderLatencyP99).Result);
        Assert.False(judged.Passed);
    }
}
