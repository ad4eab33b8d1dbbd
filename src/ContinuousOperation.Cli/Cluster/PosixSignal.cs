using System.Runtime.InteropServices;

namespace ContinuousOperation.Cli.Cluster;

/// <summary>Sends a signal to another process: .NET itself only offers SIGKILL (<c>Process.Kill</c>). The numbers are
/// Linux's (SIGSTOP and SIGCONT differ on macOS), the platform the soak runs on.</summary>
internal static class PosixSignal
{
    public const int Terminate = 15, Continue = 18, Stop = 19;

    /// <exception cref="PlatformNotSupportedException">Not on Linux.</exception>
    /// <exception cref="InvalidOperationException">The signal could not be sent (errno given), other than to a process
    /// that has already gone.</exception>
    public static void Send(int processId, int signal)
    {
        if (!OperatingSystem.IsLinux()) throw new PlatformNotSupportedException("node processes are signalled with Linux signal numbers");
        if (Kill(processId, signal) == 0) return;
        var error = Marshal.GetLastPInvokeError();
        const int noSuchProcess = 3;
        if (error != noSuchProcess) throw new InvalidOperationException($"kill({processId}, {signal}) failed with errno {error}");
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int processId, int signal);
}
