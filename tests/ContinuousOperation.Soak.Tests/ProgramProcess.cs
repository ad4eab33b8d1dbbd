using System.Diagnostics;

namespace ContinuousOperation.Soak.Tests;

/// <summary>Runs any program (dotnet, bash, an installed tool) to its end with a hard time limit, capturing its output;
/// <see cref="CliProcess"/> is the one for the built CLI with signals.</summary>
internal static class ProgramProcess
{
    public static async Task<CliResult> RunAsync(
        string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment,
        TimeSpan timeLimit)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var (name, value) in environment) info.Environment[name] = value;

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
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
            Assert.Fail($"{fileName} {string.Join(' ', info.ArgumentList)} did not finish within {timeLimit}:\n{await output}\n{await error}");
        }

        return new CliResult(process.ExitCode, await output, await error);
    }
}
