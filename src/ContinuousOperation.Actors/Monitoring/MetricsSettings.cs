using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Actors.Monitoring;

/// <summary>How the metrics actor samples, reports progress and raises resource alerts.</summary>
public sealed record MetricsSettings(
    TimeSpan SampleInterval,
    TimeSpan ProgressInterval,
    TimeSpan RunDuration,
    double MemoryAlertThresholdMb,
    double CpuAlertThresholdPercent,
    int MaxSamples = 20_000,
    int MaxErrorGroups = 200)
{
    /// <summary>Settings of a run; the CPU alert uses the run's CPU criterion, so the log warns when the criterion is at risk.</summary>
    public static MetricsSettings For(RunSettings run, double memoryAlertThresholdMb = 1024) => new(
        run.SampleInterval, run.ProgressInterval, run.Duration, memoryAlertThresholdMb, run.Criteria.MaxCpuPercent);
}
