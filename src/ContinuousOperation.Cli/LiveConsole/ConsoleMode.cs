namespace ContinuousOperation.Cli.LiveConsole;

/// <summary>Whether the console gets a live status line (a person watching a terminal) or plain log lines only
/// (output redirected to a file or pipe, or a CI job, whose log viewer would show every redraw as a line).</summary>
internal static class ConsoleMode
{
    public static bool IsInteractive(bool outputRedirected, string? ciVariable) =>
        !outputRedirected && string.IsNullOrEmpty(ciVariable);

    public static bool IsInteractive() =>
        IsInteractive(System.Console.IsOutputRedirected, Environment.GetEnvironmentVariable("CI"));
}
