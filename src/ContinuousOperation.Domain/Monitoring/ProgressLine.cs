namespace ContinuousOperation.Domain.Monitoring;

/// <summary>
/// The periodic progress line, kept as a message template plus its values rather than a formatted string, so a
/// structured logger stores each value as a queryable property.
/// </summary>
public sealed record ProgressLine(
    string Elapsed, string Remaining, long Errors, long Orders, long Fills, double MemoryMb, double CpuPercent)
{
    public const string Template =
        "Progress {Elapsed} elapsed, {Remaining} remaining | errors {Errors} | orders {Orders} | fills {Fills} | " +
        "memory {MemoryMb} MB | CPU {CpuPercent}%";

    /// <summary>The values of <see cref="Template"/>'s properties, in order.</summary>
    public object[] Values => [Elapsed, Remaining, Errors, Orders, Fills, MemoryMb, CpuPercent];

    /// <summary>Memory and CPU come from the latest sample (zero before the first one).</summary>
    public static ProgressLine Compose(
        TimeSpan elapsed, TimeSpan runDuration, long errors, long orders, long fills, ResourceSample? latest)
    {
        var remaining = runDuration > elapsed ? runDuration - elapsed : TimeSpan.Zero;
        return new ProgressLine(
            FormatDuration(elapsed), FormatDuration(remaining), errors, orders, fills,
            Math.Round(latest?.WorkingSetMb ?? 0, 1), Math.Round(latest?.CpuPercentOfMachine ?? 0, 1));
    }

    /// <summary><c>26h03m07s</c>: total hours, because soak runs last longer than a day and "1.02:03:07" reads poorly.</summary>
    public static string FormatDuration(TimeSpan duration)
    {
        var whole = TimeSpan.FromSeconds(Math.Floor(Math.Max(0, duration.TotalSeconds)));
        return $"{(long)whole.TotalHours}h{whole.Minutes:00}m{whole.Seconds:00}s";
    }
}
