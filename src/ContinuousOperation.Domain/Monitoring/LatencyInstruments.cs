namespace ContinuousOperation.Domain.Monitoring;

/// <summary>The names of the run's latency histograms: the keys of <see cref="MetricsSnapshot.Latencies"/> and of the
/// report's <c>latencies</c>, and the instrument names on the run's meter.</summary>
public static class LatencyInstruments
{
    /// <summary>From sending an order to the venue's acknowledgement.</summary>
    public const string OrderRoundTrip = "order_round_trip";

    /// <summary>The order round trips acknowledged by a book on another node (cluster runs only).</summary>
    public const string CrossNodeOrderRoundTrip = "order_round_trip_cross_node";

    /// <summary>From a fill report's arrival to its events being in the trader's journal.</summary>
    public const string FillToPersist = "fill_to_persist";

    /// <summary>The latencies a report shows over time and in its summaries (the cross-node one is a subset of the
    /// order round trips, shown in the JSON only).</summary>
    public static readonly IReadOnlyList<string> Shown = [OrderRoundTrip, FillToPersist];
}
