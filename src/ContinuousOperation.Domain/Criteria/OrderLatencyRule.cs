using System.Globalization;
using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Domain.Criteria;

/// <summary>
/// The <c>order_latency_p99</c> criterion, listed only when a limit is set (<c>--max-order-latency-p99</c>): the 99th
/// percentile of the order round trip (order sent → venue's acknowledgement) over the whole run must not exceed it.
/// A run that measured no round trip has nothing to judge, so the criterion is inconclusive, not passed.
/// </summary>
public static class OrderLatencyRule
{
    public const string Unit = "ms";

    /// <summary>Null when no limit is set: the criterion is then not part of the run.</summary>
    public static CriterionResult? Judge(CriteriaThresholds thresholds, IReadOnlyDictionary<string, LatencySummary>? latencies)
    {
        if (thresholds.MaxOrderLatencyP99 is not { } limit) return null;

        var limitMs = limit.TotalMilliseconds;
        if (latencies?.GetValueOrDefault(LatencyInstruments.OrderRoundTrip) is not { Count: > 0 } roundTrip)
        {
            return new CriterionResult(SuccessCriteria.OrderLatencyP99, limitMs, 0, Unit, CriterionOutcome.Inconclusive,
                "no orders", "no order round trip was measured");
        }

        return new CriterionResult(SuccessCriteria.OrderLatencyP99, limitMs, roundTrip.P99Ms, Unit,
            CriterionResult.Judged(roundTrip.P99Ms <= limitMs), "p99",
            $"99th percentile of {roundTrip.Count} order round trips (p50 {Number(roundTrip.P50Ms)} ms, max {Number(roundTrip.MaxMs)} ms; " +
            "percentiles within 4.4 %)");
    }

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
