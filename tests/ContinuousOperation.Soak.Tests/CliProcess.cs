using System.Diagnostics;

namespace ContinuousOperation.Soak.Tests;

/// <summary>Runs the built CLI as a separate process, the way an operator or a CI job does, with a hard time limit.</summary>
internal sealed record CliResult(int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{StandardOutput}\n--- stderr\n{StandardError}";
}

internal static class CliProcess
{
    /// <summary>The CLI is a project reference, so its assembly, runtime config and <c>hocon/</c> folder are built
    /// next to the tests, whatever the configuration or output layout.</summary>
    private static readonly string CliAssembly = Path.Combine(AppContext.BaseDirectory, "continuous-operation.dll");

    public static Task<CliResult> RunAsync(TimeSpan timeLimit, params string[] arguments) =>
        RunAndTerminateAsync(timeLimit, interruptWhenOutputContains: null, arguments);

    /// <summary>Runs the CLI and sends it SIGTERM (what a service manager or <c>kill</c> sends) as soon as a line of its
    /// standard output contains <paramref name="interruptWhenOutputContains"/>.</summary>
    public static Task<CliResult> RunAndTerminateAsync(TimeSpan timeLimit, string? interruptWhenOutputContains, params string[] arguments) =>
        RunAndSignalAsync(timeLimit, "TERM", interruptWhenOutputContains, arguments);

    /// <summary>Runs the CLI and sends it <paramref name="signal"/> (e.g. <c>KILL</c>, which no process can handle) as
    /// soon as a line of its standard output contains <paramref name="signalWhenOutputContains"/>.</summary>
    public static Task<CliResult> RunAndSignalAsync(
        TimeSpan timeLimit, string signal, string? signalWhenOutputContains, params string[] arguments) =>
        RunAndSignalAsync(timeLimit, signal,
            signalWhenOutputContains is null ? null : line => line.Contains(signalWhenOutputContains), TimeSpan.Zero, arguments);

    /// <summary>Sends <paramref name="signal"/> <paramref name="delay"/> after the first line of standard output that
    /// <paramref name="signalAfterLine"/> accepts: a moment chosen by the test (for example a seeded random one), not a
    /// wait for something to happen.</summary>
    public static async Task<CliResult> RunAndSignalAsync(
        TimeSpan timeLimit, string signal, Func<string, bool>? signalAfterLine, TimeSpan delay, params string[] arguments)
    {
        Assert.True(File.Exists(CliAssembly), $"CLI not built at {CliAssembly}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CliAssembly);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = ReadOutputAsync(process, signal, signalAfterLine, delay);
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeLimit);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"continuous-operation {string.Join(' ', arguments)} did not finish within {timeLimit}:\n{await output}\n{await error}");
        }

        return new CliResult(process.ExitCode, await output, await error);
    }

    private static async Task<string> ReadOutputAsync(Process process, string signal, Func<string, bool>? interruptWhen, TimeSpan delay)
    {
        var text = new System.Text.StringBuilder();
        Task signalled = Task.CompletedTask;
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            text.AppendLine(line);
            if (interruptWhen is null || !interruptWhen(line)) continue;
            // Output keeps being read while the delay runs, so the process never blocks on a full pipe.
            signalled = SignalAsync(process.Id, signal, delay);
            interruptWhen = null;
        }

        await signalled;
        return text.ToString();
    }

    private static async Task SignalAsync(int processId, string signal, TimeSpan delay)
    {
        if (delay > TimeSpan.Zero) await Task.Delay(delay);
        using var kill = Process.Start("kill", [$"-{signal}", processId.ToString()])!;
        await kill.WaitForExitAsync();
    }
}
