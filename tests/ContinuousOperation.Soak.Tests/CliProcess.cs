using System.Diagnostics;

namespace ContinuousOperation.Soak.Tests;

/// <summary>Runs the built CLI as a separate process, the way an operator or a CI job does, with a hard time limit.</summary>
internal sealed record CliResult(int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{StandardOutput}\n--- stderr\n{StandardError}";
}

/// <summary>How to start the CLI: its arguments and time limit, and optionally a working directory, extra environment
/// variables, and a signal to send: <see cref="SignalAfter"/> after the start, or <see cref="SignalDelay"/> after the
/// first line of standard output that <see cref="SignalAfterLine"/> accepts. Delays are moments chosen by the test
/// (for example a seeded random one), not waits for something to happen.</summary>
internal sealed record CliStart(TimeSpan TimeLimit, params string[] Arguments)
{
    public string? WorkingDirectory { get; init; }
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
    public string Signal { get; init; } = "TERM";
    public Func<string, bool>? SignalAfterLine { get; init; }
    public TimeSpan SignalDelay { get; init; }
    public TimeSpan? SignalAfter { get; init; }

    /// <summary>Told every line of standard output as it is read, e.g. to act on another process the CLI started.</summary>
    public Action<string>? OnOutputLine { get; init; }

    public string? SignalWhenOutputContains
    {
        init => SignalAfterLine = value is null ? null : line => line.Contains(value);
    }
}

internal static class CliProcess
{
    /// <summary>The CLI is a project reference, so its assembly, runtime config and <c>hocon/</c> folder are built
    /// next to the tests, whatever the configuration or output layout.</summary>
    private static readonly string CliAssembly = Path.Combine(AppContext.BaseDirectory, "continuous-operation.dll");

    public static Task<CliResult> RunAsync(TimeSpan timeLimit, params string[] arguments) =>
        RunAsync(new CliStart(timeLimit, arguments));

    /// <summary>Runs the CLI and sends it SIGTERM (what a service manager or <c>kill</c> sends) as soon as a line of its
    /// standard output contains <paramref name="interruptWhenOutputContains"/>.</summary>
    public static Task<CliResult> RunAndTerminateAsync(TimeSpan timeLimit, string? interruptWhenOutputContains, params string[] arguments) =>
        RunAndSignalAsync(timeLimit, "TERM", interruptWhenOutputContains, arguments);

    /// <summary>Runs the CLI and sends it <paramref name="signal"/> (e.g. <c>KILL</c>, which no process can handle) as
    /// soon as a line of its standard output contains <paramref name="signalWhenOutputContains"/>.</summary>
    public static Task<CliResult> RunAndSignalAsync(
        TimeSpan timeLimit, string signal, string? signalWhenOutputContains, params string[] arguments) =>
        RunAsync(new CliStart(timeLimit, arguments) { Signal = signal, SignalWhenOutputContains = signalWhenOutputContains });

    /// <summary>Sends <paramref name="signal"/> <paramref name="delay"/> after the first line of standard output that
    /// <paramref name="signalAfterLine"/> accepts.</summary>
    public static Task<CliResult> RunAndSignalAsync(
        TimeSpan timeLimit, string signal, Func<string, bool> signalAfterLine, TimeSpan delay, params string[] arguments) =>
        RunAsync(new CliStart(timeLimit, arguments) { Signal = signal, SignalAfterLine = signalAfterLine, SignalDelay = delay });

    /// <summary>Runs the CLI as <paramref name="start"/> says: where, with what environment, and which signal when.</summary>
    public static async Task<CliResult> RunAsync(CliStart start)
    {
        Assert.True(File.Exists(CliAssembly), $"CLI not built at {CliAssembly}");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = start.WorkingDirectory ?? "",
        };
        info.ArgumentList.Add(CliAssembly);
        foreach (var argument in start.Arguments) info.ArgumentList.Add(argument);
        foreach (var (name, value) in start.Environment) info.Environment[name] = value;

        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var output = ReadOutputAsync(process, start);
        var error = process.StandardError.ReadToEndAsync();
        var signalled = start.SignalAfter is { } after ? SignalAsync(process, start.Signal, after) : Task.CompletedTask;
        using var deadline = new CancellationTokenSource(start.TimeLimit);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"continuous-operation {string.Join(' ', start.Arguments)} did not finish within {start.TimeLimit}:\n{await output}\n{await error}");
        }

        await signalled;
        return new CliResult(process.ExitCode, await output, await error);
    }

    private static async Task<string> ReadOutputAsync(Process process, CliStart start)
    {
        var text = new System.Text.StringBuilder();
        var signalAfterLine = start.SignalAfterLine;
        var signalled = Task.CompletedTask;
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            text.AppendLine(line);
            start.OnOutputLine?.Invoke(line);
            if (signalAfterLine is null || !signalAfterLine(line)) continue;
            // Output keeps being read while the delay runs, so the process never blocks on a full pipe.
            signalled = SignalAsync(process, start.Signal, start.SignalDelay);
            signalAfterLine = null;
        }

        await signalled;
        return text.ToString();
    }

    private static async Task SignalAsync(Process process, string signal, TimeSpan delay)
    {
        if (delay > TimeSpan.Zero) await Task.Delay(delay);
        if (process.HasExited) return;
        using var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString()])!;
        await kill.WaitForExitAsync();
    }
}
