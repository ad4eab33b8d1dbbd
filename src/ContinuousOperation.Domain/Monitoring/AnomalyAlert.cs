namespace ContinuousOperation.Domain.Monitoring;

public enum AnomalyKind
{
    /// <summary>Working set above the memory alert threshold (MB).</summary>
    HighMemory,

    /// <summary>CPU above the threshold, as a percent of the whole machine (the unit of the CPU criterion).</summary>
    HighCpu,
}

/// <summary>A resource crossed its threshold upwards at the given sample.</summary>
public sealed record AnomalyAlert(AnomalyKind Kind, DateTimeOffset At, TimeSpan Elapsed, double Value, double Threshold);
