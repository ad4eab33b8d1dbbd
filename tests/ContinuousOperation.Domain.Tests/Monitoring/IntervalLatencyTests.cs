using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Primitives;
using static ContinuousOperation.Domain.Tests.Monitoring.Readings;

namespace ContinuousOperation.Domain.Tests.Monitoring;

public sealed class IntervalLatencyTests
{
    private static RunMetrics Metrics() => new(
        At(TimeSpan.Zero), TimeSpan.FromHours(1), [new Symbol("BTC-USDT")], speed: 1,
        [LatencyInstruments.OrderRoundTrip, LatencyInstruments.CrossNodeOrderRoundTrip, LatencyInstruments.FillToPersist],
        new ErrorLog(), new BoundedSeries<ResourceSample>(100), new AnomalyDetector(memoryThresholdMb: 100, cpuThresholdPercent: 90));

    [Fact]
    public void Each_sample_carries_the_latencies_of_its_own_interval_only()
    {
        var metrics = Metrics();
        foreach (var ms in new[] { 2.0, 4, 400 }) metrics.RecordLatency(LatencyInstruments.OrderRoundTrip, ms);
        metrics.RecordLatency(LatencyInstruments.FillToPersist, 7);
        metrics.RecordLatency(LatencyInstruments.CrossNodeOrderRoundTrip, 9);
        var first = metrics.Sample(At(TimeSpan.FromSeconds(30)), 0).Sample;

        metrics.RecordLatency(LatencyInstruments.OrderRoundTrip, 10);
        var second = metrics.Sample(At(TimeSpan.FromSeconds(60)), 0).Sample;
        var third = metrics.Sample(At(TimeSpan.FromSeconds(90)), 0).Sample;

        var roundTrips = first.Latencies![LatencyInstruments.OrderRoundTrip];
        Assert.Equal(3, roundTrips.Count);
        Assert.Equal(400, roundTrips.MaxMs);
        Assert.Equal(7, first.Latencies[LatencyInstruments.FillToPersist].MaxMs);
        // Only the latencies the report draws are kept per sample: the cross-node one is a subset of the round trips.
        Assert.Equal([LatencyInstruments.FillToPersist, LatencyInstruments.OrderRoundTrip], first.Latencies.Keys.Order());
        Assert.Equal(1, second.Latencies![LatencyInstruments.OrderRoundTrip].Count);
        Assert.Equal(10, second.Latencies[LatencyInstruments.OrderRoundTrip].P99Ms, precision: 0);
        Assert.False(second.Latencies.ContainsKey(LatencyInstruments.FillToPersist));
        Assert.Null(third.Latencies);
        Assert.Equal(4, metrics.Snapshot().Latencies![LatencyInstruments.OrderRoundTrip].Count);
    }
}
