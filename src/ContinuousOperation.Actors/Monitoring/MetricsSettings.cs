using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Actors.Monitoring;

/// <summary>How the metrics actor samples, reports progress and raises resource alerts, and where it appends its
/// samples (<see cref="SamplesFile"/>, null for nowhere).</summary>
public sealed record MetricsSettings(
    TimeSpan SampleInterval,
    TimeSpan ProgressInterval,
    TimeSpan RunDuration,
    double MemoryAlertThresholdMb,
    double CpuAlertThresholdPercent,
    int MaxSamples = 20_000,
    int MaxErrorGroups = 200,
    string? SamplesFile = null)
{
    /// <summary>How long after an injected fault settles its late errors (a timeout that fires afterwards) are still
    /// put down to it: a little more than the traders' request timeout.</summary>
    public TimeSpan FaultGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary><see cref="FaultGrace"/> of a node fault (cluster runs only); null for the same.</summary>
    public TimeSpan? NodeFaultGrace { get; init; }

    /// <summary>How long before a fault's announcement reaches the metrics an error of its scope is still put down to
    /// it (both travel by different actors; either may arrive first), and so how long an unexplained error waits
    /// before it counts. Far above the few milliseconds the two paths differ by, even on a loaded machine.</summary>
    public TimeSpan FaultLead { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The run's symbols: each is tracked from the start, so one that never trades is reported as silent.</summary>
    public IReadOnlyList<Symbol> Symbols { get; init; } = [];

    /// <summary>False where another actor logs the run's progress (a cluster's control member: its own counts are
    /// not the run's).</summary>
    public bool LogsProgress { get; init; } = true;

    /// <summary>Simulated time per wall-clock second, to express the trading window in market time.</summary>
    public double Speed { get; init; } = 1;

    /// <summary>Settings of a run; the CPU alert uses the run's CPU criterion, so the log warns when the criterion is at risk.</summary>
    public static MetricsSettings For(RunSettings run, double memoryAlertThresholdMb = 1024) => new(
        run.SampleInterval, run.ProgressInterval, run.Duration, memoryAlertThresholdMb, run.Criteria.MaxCpuPercent,
        SamplesFile: run.SamplesFile)
    {
        Symbols = run.Symbols.ToArray(),
        Speed = run.Speed,
    };
}
