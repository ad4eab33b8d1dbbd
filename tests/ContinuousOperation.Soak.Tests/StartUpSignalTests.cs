using System.Text.Json;

namespace ContinuousOperation.Soak.Tests;

/// <summary>
/// Ctrl+C or SIGTERM at any moment of a run, start-up included, ends with exit 130 and either a complete report
/// marked interrupted or nothing at all: never a half-made run folder.
/// </summary>
public sealed class StartUpSignalTests : IDisposable
{
    private static readonly TimeSpan TimeLimit = TimeSpan.FromMinutes(2);
    private readonly string directory = Directory.CreateTempSubdirectory("signals-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    /// <summary>SIGINT at 0 s may find the runtime before the program's first line; its default then ends the process
    /// with 130 as well, having made nothing. SIGTERM is sent only once the program surely runs: before that the
    /// runtime's default for it is 143, a window no program code can close.</summary>
    [Theory]
    [InlineData("INT", 0)]
    [InlineData("INT", 300)]
    [InlineData("INT", 1000)]
    [InlineData("INT", 2500)]
    [InlineData("TERM", 1000)]
    [InlineData("TERM", 2500)]
    public async Task A_signal_at_any_moment_ends_with_130_and_a_report_or_nothing(string signal, int afterMilliseconds)
    {
        var reports = Path.Combine(directory, "reports");

        var result = await CliProcess.RunAsync(new CliStart(TimeLimit,
            "run", "--duration", "20s", "--symbol-count", "1", "--sample-interval", "1s", "--report-dir", reports)
        {
            Signal = signal,
            SignalAfter = TimeSpan.FromMilliseconds(afterMilliseconds),
        });

        Assert.True(result.ExitCode == 130, result.ToString());
        var runFolders = Directory.Exists(reports) ? Directory.GetDirectories(reports) : [];
        if (runFolders.Length == 0)
        {
            Assert.False(Directory.Exists(reports), $"an empty {reports} was left behind");
            return;
        }

        var folder = Assert.Single(runFolders);
        var reportFile = Assert.Single(Directory.GetFiles(folder, "continuous_operation_*.json"));
        using var report = JsonDocument.Parse(File.ReadAllBytes(reportFile));
        Assert.True(report.RootElement.GetProperty("interrupted").GetBoolean());
        Assert.True(File.Exists(Path.Combine(folder, "summary.txt")), "the report is incomplete: no summary.txt");
    }
}
