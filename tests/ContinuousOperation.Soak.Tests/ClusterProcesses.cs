using System.Text.RegularExpressions;

namespace ContinuousOperation.Soak.Tests;

/// <summary>The node processes a <c>cluster</c> launcher reported starting, and whether they still run.</summary>
internal static partial class ClusterProcesses
{
    /// <summary>Process ids from the launcher's "node-K started: pid N" (and "restarted") lines.</summary>
    public static IReadOnlyList<int> NodePids(string launcherOutput) =>
        NodeStarted().Matches(launcherOutput).Select(m => int.Parse(m.Groups["pid"].Value)).ToArray();

    /// <summary>Whether a process with this id runs: it has a /proc entry and is not a zombie (an ended child that
    /// nobody has reaped yet, which a container's first process may never do).</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..][0];
            return state != 'Z' && state != 'X';
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"node-\d+ (?:started|restarted): pid (?<pid>\d+)")]
    private static partial Regex NodeStarted();
}
