using System.Text.Json;

namespace ContinuousOperation.Soak.Tests;

/// <summary>One short, healthy run shared by the tests that inspect its exit code, report and journal.</summary>
public sealed class PassingRunFixture : IAsyncLifetime
{
    public string ReportDirectory { get; } = Directory.CreateTempSubdirectory("passing-run-").FullName;
    internal CliResult Result { get; private set; } = null!;
    public string RunFolder => Assert.Single(Directory.GetDirectories(ReportDirectory));

    public async Task InitializeAsync() =>
        Result = await CliProcess.RunAsync(TimeSpan.FromMinutes(3),
            "run", "--duration", "20s", "--symbol-count", "2", "--speed", "5", "--sample-interval", "2s",
            "--progress-interval", "5s", "--reconcile-interval", "4s", "--seed", "20261124", "--report-dir", ReportDirectory);

    public JsonDocument Report() =>
        JsonDocument.Parse(File.ReadAllBytes(Assert.Single(Directory.GetFiles(RunFolder, "continuous_operation_*.json"))));

    public Task DisposeAsync()
    {
        Directory.Delete(ReportDirectory, recursive: true);
        return Task.CompletedTask;
    }
}
