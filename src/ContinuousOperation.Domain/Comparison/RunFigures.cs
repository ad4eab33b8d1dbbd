namespace ContinuousOperation.Domain.Comparison;

/// <summary>The key figures of one run, as read back from its JSON report. <see cref="MemorySlopeMbPerHour"/> is null
/// for a report that has no memory criterion; <see cref="Setup"/> says what the run was asked to do, as far as the
/// report says.</summary>
public sealed record RunFigures(
    string Label,
    double UptimeHours,
    bool Success,
    bool ConsistencyValid,
    double ErrorsPerHour,
    double AverageMemoryMb,
    double PeakMemoryMb,
    double? MemorySlopeMbPerHour,
    double AverageCpuPercent,
    long OrdersPlaced,
    long OrdersFilled)
{
    public RunSetup Setup { get; init; } = RunSetup.Unknown;
}
