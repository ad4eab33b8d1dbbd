using System.Globalization;
using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Cli.LiveConsole;

/// <summary>
/// The live status area of a run on an interactive terminal, refreshed every second from the metrics actor's
/// <see cref="LiveFigures"/> and a reading of this process: progress with elapsed and remaining time, orders and fills
/// per second over the last refresh, the order round trip's p99, errors, faults in effect, memory and CPU.
/// </summary>
internal sealed record LiveStatus(LiveFigures Figures, double OrdersPerSecond, double FillsPerSecond, ResourceSample Resources)
{
    private const int BarWidth = 24;

    /// <summary>The status after <paramref name="previous"/>: rates are the change since it (over the run so far for
    /// the first status).</summary>
    public static LiveStatus Next(LiveStatus? previous, LiveFigures figures, ResourceSample resources)
    {
        var (orders, fills, since) = previous is null
            ? (0L, 0L, TimeSpan.Zero)
            : (previous.Figures.Orders, previous.Figures.Fills, previous.Figures.Elapsed);
        var seconds = (figures.Elapsed - since).TotalSeconds;
        return seconds <= 0 && previous is not null
            ? previous with { Figures = figures, Resources = resources }
            : new LiveStatus(figures, Rate(figures.Orders - orders, seconds), Rate(figures.Fills - fills, seconds), resources);
    }

    /// <summary>The status's lines, each cut to the terminal's width so none wraps (a wrapped line cannot be redrawn in place).</summary>
    public IReadOnlyList<string> Render(int width)
    {
        var f = Figures;
        var elapsed = f.Elapsed < f.RunDuration ? f.Elapsed : f.RunDuration;
        var done = f.RunDuration > TimeSpan.Zero ? elapsed / f.RunDuration : 1;
        var filled = (int)Math.Round(done * BarWidth);
        var p99 = f.OrderRoundTripP99Ms is { } ms ? Text($"{ms:0.0} ms") : "n/a";
        string[] lines =
        [
            Text($"[{new string('#', filled)}{new string('-', BarWidth - filled)}] {done * 100,3:0}%  ") +
            $"{ProgressLine.FormatDuration(elapsed)} elapsed, {ProgressLine.FormatDuration(f.RunDuration - elapsed)} left",
            Text($"orders {OrdersPerSecond:0.0}/s  fills {FillsPerSecond:0.0}/s  order p99 {p99}  errors {f.Errors}  ") +
            Text($"faults in effect {f.FaultsInEffect} ({f.FaultsInjected} injected)"),
            Text($"memory {Resources.WorkingSetMb:0.0} MB (heap {Resources.ManagedHeapMb:0.0} MB)  CPU {Resources.CpuPercentOfMachine:0.0}% of the machine"),
        ];
        var room = Math.Max(1, width - 1);
        return [.. lines.Select(line => line.Length <= room ? line : line[..room])];
    }

    private static double Rate(long count, double seconds) => seconds > 0 ? count / seconds : 0;

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
