namespace ContinuousOperation.Domain.Comparison;

/// <summary>A figure compared across runs. For a figure that is worse when higher, growth beyond the gate's percent is a
/// regression — unless the growth is within <paramref name="NoiseFloor"/> (in the figure's unit), the difference that
/// two healthy runs show anyway: a memory slope of 0.2 MB/h becoming 0.5 MB/h is +150 % and means nothing.</summary>
public sealed record Figure(string Name, string Unit, bool HigherIsWorse, double NoiseFloor, Func<RunFigures, double?> Value)
{
    public static readonly IReadOnlyList<Figure> All =
    [
        new("uptime", "h", false, 0, r => r.UptimeHours),
        new("errors", "/h", true, 0, r => r.ErrorsPerHour),
        new("average memory", "MB", true, 0, r => r.AverageMemoryMb),
        new("peak memory", "MB", true, 0, r => r.PeakMemoryMb),
        new("memory slope", "MB/h", true, 1, r => r.MemorySlopeMbPerHour),
        new("average CPU", "%", true, 1, r => r.AverageCpuPercent),
        new("orders placed", "", false, 0, r => r.OrdersPlaced),
        new("orders filled", "", false, 0, r => r.OrdersFilled),
    ];
}
