namespace ContinuousOperation.Domain.Monitoring;

/// <summary>The seed format's resource figures: mean working set and CPU over the run proper, and the highest working
/// set sampled (drain and reconciliation included). All zero without samples.</summary>
public sealed record ResourceFigures(double AverageMemoryMb, double PeakMemoryMb, double AverageCpuPercent)
{
    public static readonly ResourceFigures None = new(0, 0, 0);

    public static ResourceFigures Of(MetricsSnapshot metrics) => metrics.Samples.Count == 0
        ? None
        : new ResourceFigures(
            metrics.RunSamples.Average(s => s.WorkingSetMb),
            metrics.Samples.Max(s => s.WorkingSetMb),
            metrics.RunSamples.Average(s => s.CpuPercentOfMachine));

    /// <summary>A cluster's figures from its nodes': each node counts once in the averages however long it ran (a
    /// node that joined late is not outweighed by the others' longer series), and the peak is the busiest node's.
    /// Nodes without samples are left out.</summary>
    public static ResourceFigures AcrossNodes(IEnumerable<ResourceFigures> nodes)
    {
        var sampled = nodes.Where(n => n != None).ToArray();
        return sampled.Length == 0
            ? None
            : new ResourceFigures(
                sampled.Average(n => n.AverageMemoryMb), sampled.Max(n => n.PeakMemoryMb), sampled.Average(n => n.AverageCpuPercent));
    }
}
