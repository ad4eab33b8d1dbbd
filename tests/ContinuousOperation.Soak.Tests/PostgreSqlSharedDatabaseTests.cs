using System.Text.Json;
using Npgsql;

namespace ContinuousOperation.Soak.Tests;

/// <summary>Runs sharing one PostgreSQL database: two in a row are recorded and reconciled apart, and a second run
/// while one is going is refused at start and leaves nothing.</summary>
public sealed class PostgreSqlSharedDatabaseTests : IDisposable
{
    private static readonly TimeSpan TimeLimit = TimeSpan.FromMinutes(3);
    private readonly string _directory = Directory.CreateTempSubdirectory("postgres-shared-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [PostgresFact]
    public async Task Two_runs_in_a_row_on_one_database_both_trade_and_pass_and_each_reconciles_by_its_id()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        var ids = new List<string>();
        foreach (var seed in new[] { "21", "22" })
        {
            var reports = Path.Combine(_directory, seed);
            var run = await CliProcess.RunAsync(TimeLimit,
                "run", "--duration", "8s", "--symbol-count", "2", "--speed", "5", "--sample-interval", "2s",
                "--seed", seed, "--db", database.ConnectionString, "--report-dir", reports);
            Assert.True(run.ExitCode == 0, run.ToString());
            using var report = JsonDocument.Parse(File.ReadAllBytes(Assert.Single(
                Directory.GetFiles(reports, "continuous_operation_*.json", SearchOption.AllDirectories))));
            Assert.True(report.RootElement.GetProperty("metrics").GetProperty("orders_placed").GetInt64() > 0);
            ids.Add(report.RootElement.GetProperty("configuration").GetProperty("run_id").GetString()!);
        }

        foreach (var id in ids)
        {
            var reconcile = await CliProcess.RunAsync(TimeLimit, "reconcile", "--db", database.ConnectionString, "--run", id);
            Assert.True(reconcile.ExitCode == 0, reconcile.ToString());
            Assert.Contains($"Reconciling run {id} (finished, passed)", reconcile.StandardOutput);
        }
    }

    [PostgresFact]
    public async Task A_second_run_on_a_database_in_use_is_refused_with_one_line_and_leaves_no_folder()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        var secondReports = Path.Combine(_directory, "second");
        var first = CliProcess.RunAsync(TimeLimit,
            "run", "--duration", "12s", "--symbol-count", "1", "--speed", "5", "--sample-interval", "2s",
            "--db", database.ConnectionString, "--report-dir", Path.Combine(_directory, "first"));
        await Eventually.TrueAsync("the first run's manifest", TimeSpan.FromMinutes(1), async () =>
        {
            try
            {
                return await TestPostgres.CountAsync(database.ConnectionString, "run_manifest") > 0;
            }
            catch (PostgresException)
            {
                return false; // the table is not there yet
            }
        });

        var second = await CliProcess.RunAsync(TimeLimit,
            "run", "--duration", "5s", "--symbol-count", "1", "--db", database.ConnectionString, "--report-dir", secondReports);

        Assert.True(second.ExitCode == 3, second.ToString());
        Assert.Contains("another run is using the journal database", Assert.Single(second.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.False(Directory.Exists(secondReports) && Directory.EnumerateFileSystemEntries(secondReports).Any(), "the refused run left files");
        var firstResult = await first;
        Assert.True(firstResult.ExitCode == 0, firstResult.ToString());
    }
}
