namespace ContinuousOperation.Soak.Tests;

/// <summary>How a run's standard output must end: the report's paths, then the verdict with the real exit code, and
/// nothing after it (no late log line such as Akka's "Exiting with [ExitCode:0]").</summary>
internal static class ConsoleEnding
{
    public static void AssertEndsWithVerdict(CliResult result, string verdict)
    {
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        Assert.True(lines.Length >= 5, result.ToString());
        Assert.StartsWith($"{verdict} (exit {result.ExitCode}): ", lines[^1]);
        Assert.Equal("Report", lines[^5]);
        foreach (var (line, what) in lines[^4..^1].Zip(["report.html:", "JSON:", "summary.md:"]))
        {
            Assert.StartsWith($"  {what}", line);
            var path = line[(line.IndexOf(':') + 1)..].Trim();
            Assert.True(File.Exists(path), $"{path} does not exist");
        }

        Assert.DoesNotContain("Exiting with", result.StandardOutput);
    }

    /// <summary>A line of a .NET stack trace.</summary>
    public static bool IsStackTraceLine(string line) =>
        line.StartsWith("   at ", StringComparison.Ordinal) || line.StartsWith("--- End of", StringComparison.Ordinal);
}
