using System.Text.Json;

namespace ContinuousOperation.Soak.Tests;

/// <summary>The CLI on PostgreSQL, end to end: a short run journals to the server, passes, and its journal
/// reconciles again with the <c>reconcile</c> verb.</summary>
public sealed class PostgreSqlRunTests : IDisposable
{
    private static readonly TimeSpan TimeLimit = TimeSpan.FromMinutes(3);
    private readonly string _reports = Directory.CreateTempSubdirectory("postgres-run-").FullName;

    [PostgresFact]
    public async Task A_run_on_postgresql_passes_and_its_journal_reconciles()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();

        var run = await CliProcess.RunAsync(TimeLimit,
            "run", "--duration", "15s", "--symbol-count", "2", "--speed", "5", "--sample-interval", "2s",
            "--progress-interval", "5s", "--db", database.ConnectionString, "--report-dir", _reports);

        Assert.True(run.ExitCode == 0, run.ToString());
        var folder = Assert.Single(Directory.GetDirectories(_reports));
        using (var report = JsonDocument.Parse(File.ReadAllBytes(Assert.Single(Directory.GetFiles(folder, "continuous_operation_*.json")))))
        {
            Assert.True(report.RootElement.GetProperty("consistency_valid").GetBoolean());
            var described = report.RootElement.GetProperty("configuration").GetProperty("database");
            Assert.Equal("postgresql", described.GetProperty("kind").GetString());
        }

        Assert.False(File.Exists(Path.Combine(folder, "journal.db")), "the run journaled to SQLite instead of PostgreSQL");
        Assert.True(await TestPostgres.CountAsync(database.ConnectionString, "journal") > 0);

        var reconcile = await CliProcess.RunAsync(TimeLimit, "reconcile", "--db", database.ConnectionString);
        Assert.True(reconcile.ExitCode == 0, reconcile.ToString());
    }

    public void Dispose() => Directory.Delete(_reports, recursive: true);
}
