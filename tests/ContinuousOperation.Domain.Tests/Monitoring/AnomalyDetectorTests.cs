using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Domain.Tests.Monitoring;

public sealed class AnomalyDetectorTests
{
    private readonly AnomalyDetector detector = new(memoryThresholdMb: 500, cpuThresholdPercent: 80);

    [Fact]
    public void Memory_above_the_threshold_raises_one_alert_per_crossing_not_one_per_sample()
    {
        double[] workingSets = [100, 600, 700, 650, 500, 800];

        var alerts = workingSets
            .Select((mb, minute) => detector.Evaluate(Readings.Sample(workingSetMb: mb, minute: minute)))
            .ToArray();

        Assert.Equal([0, 1, 0, 0, 0, 1], alerts.Select(a => a.Count));
        Assert.Equal(
            new AnomalyAlert(AnomalyKind.HighMemory, Readings.Start.AddMinutes(1), TimeSpan.FromMinutes(1), 600, 500),
            alerts[1].Single());
        Assert.Equal(800, alerts[5].Single().Value);
    }

    [Fact]
    public void Cpu_is_judged_as_a_percent_of_the_machine_independently_of_memory()
    {
        var first = detector.Evaluate(Readings.Sample(workingSetMb: 600, cpuPercentOfMachine: 90));
        var second = detector.Evaluate(Readings.Sample(workingSetMb: 600, cpuPercentOfMachine: 10));
        var third = detector.Evaluate(Readings.Sample(workingSetMb: 600, cpuPercentOfMachine: 85));

        Assert.Equal([AnomalyKind.HighMemory, AnomalyKind.HighCpu], first.Select(a => a.Kind));
        Assert.Empty(second);
        Assert.Equal(AnomalyKind.HighCpu, Assert.Single(third).Kind);
    }

    [Fact]
    public void Values_at_the_threshold_are_not_anomalies()
    {
        Assert.Empty(detector.Evaluate(Readings.Sample(workingSetMb: 500, cpuPercentOfMachine: 80)));
    }
}
