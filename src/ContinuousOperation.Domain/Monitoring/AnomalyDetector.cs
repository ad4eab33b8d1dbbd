namespace ContinuousOperation.Domain.Monitoring;

/// <summary>The resource anomaly rules of a run: memory (working set) and CPU (percent of the machine).</summary>
public sealed class AnomalyDetector(double memoryThresholdMb, double cpuThresholdPercent)
{
    private readonly ThresholdRule[] rules =
    [
        new(AnomalyKind.HighMemory, memoryThresholdMb, s => s.WorkingSetMb),
        new(AnomalyKind.HighCpu, cpuThresholdPercent, s => s.CpuPercentOfMachine),
    ];

    public IReadOnlyList<AnomalyAlert> Evaluate(ResourceSample sample) =>
        rules.Select(r => r.Evaluate(sample)).OfType<AnomalyAlert>().ToArray();
}
