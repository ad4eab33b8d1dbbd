using System.Diagnostics;

namespace ContinuousOperation.Cli.Cluster;

/// <summary>Lets a node notice that its launcher is gone, however it went (kill -9 included, which gives the launcher
/// no chance to stop its nodes): the launcher's process is looked up every <see cref="Interval"/>, and a process with
/// the same id but a later start time is a different process.</summary>
internal static class LauncherWatch
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>Completes when process <paramref name="launcherPid"/> has ended (at once if it is not running now).</summary>
    public static async Task GoneAsync(int launcherPid, CancellationToken cancellationToken)
    {
        if (StartTimeOf(launcherPid) is not { } startedAt) return;
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            if (StartTimeOf(launcherPid) != startedAt) return;
        }
    }

    private static DateTime? StartTimeOf(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return process.HasExited ? null : process.StartTime;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }
}
