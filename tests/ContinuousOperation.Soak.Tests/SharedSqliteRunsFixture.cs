using System.Text.Json;

namespace ContinuousOperation.Soak.Tests;

/// <summary>Two short healthy runs in a row on one SQLite file, shared by the tests that reconcile, inspect and tamper
/// with copies of that journal.</summary>
public sealed class SharedSqliteRunsFixture : IAsyncLifetime
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("shared-sqlite-").FullName;

    public string Database => Path.Combine(Directory, "journal.db");

    internal CliResult[] Runs { get; private set; } = [];

    /// <summary>Each run's report, in the order the runs ran.</summary>
    public JsonElement[] Reports { get; private set; } = [];

    public string[] RunIds => Reports.Select(r => r.GetProperty("configuration").GetProperty("run_id").GetString()!).ToArray();

    public async Task InitializeAsync()
    {
        var runs = new List<CliResult>();
        var reports = new List<JsonElement>();
        foreach (var seed in new[] { "11", "12" })
        {
            var reportDirectory = Path.Combine(Directory, $"reports-{seed}");
            runs.Add(await CliProcess.RunAsync(TimeSpan.FromMinutes(3),
                "run", "--duration", "8s", "--symbol-count", "2", "--speed", "5", "--sample-interval", "2s",
                "--progress-interval", "4s", "--seed", seed, "--db", Database, "--report-dir", reportDirectory));
            var report = System.IO.Directory.GetFiles(reportDirectory, "continuous_operation_*.json", SearchOption.AllDirectories);
            if (report.Length == 1) reports.Add(JsonDocument.Parse(File.ReadAllBytes(report[0])).RootElement.Clone());
        }
        (Runs, Reports) = (runs.ToArray(), reports.ToArray());
    }

    public Task DisposeAsync()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
        return Task.CompletedTask;
    }
}

/// <summary>The two runs on one SQLite file, shared by every test that reconciles or tampers with their journal.</summary>
[CollectionDefinition(Name)]
public sealed class SharedSqliteRunsCollection : ICollectionFixture<SharedSqliteRunsFixture>
{
    public const string Name = "two runs on one SQLite file";
}
