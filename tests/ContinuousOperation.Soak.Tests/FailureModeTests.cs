using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace ContinuousOperation.Soak.Tests;

/// <summary>The CLI as a process when things are not fine: an interrupted run, unusable databases.</summary>
public sealed class FailureModeTests : IDisposable
{
    private static readonly TimeSpan TimeLimit = TimeSpan.FromMinutes(3);
    private readonly string directory = Directory.CreateTempSubdirectory("failure-modes-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task A_terminated_run_still_drains_reconciles_and_writes_a_report_marked_interrupted()
    {
        var result = await CliProcess.RunAndTerminateAsync(TimeLimit, interruptWhenOutputContains: "Progress",
            "run", "--duration", "1h", "--symbol-count", "2", "--speed", "5", "--progress-interval", "3s",
            "--sample-interval", "1s", "--report-dir", directory);

        Assert.True(result.ExitCode == 130, result.ToString());
        ConsoleEnding.AssertEndsWithVerdict(result, "INTERRUPTED");
        var reportFile = Assert.Single(Directory.GetFiles(directory, "continuous_operation_*.json", SearchOption.AllDirectories));
        using var report = JsonDocument.Parse(File.ReadAllBytes(reportFile));
        Assert.True(report.RootElement.GetProperty("interrupted").GetBoolean());
        Assert.True(report.RootElement.GetProperty("consistency_valid").GetBoolean());
        Assert.False(report.RootElement.GetProperty("success").GetBoolean());
        Assert.True(report.RootElement.GetProperty("metrics").GetProperty("uptime_hours").GetDouble() < 0.1);
    }

    [Fact]
    public async Task Reconciling_a_database_without_a_journal_is_a_usage_error_and_leaves_it_untouched()
    {
        var file = Path.Combine(directory, "other.db");
        await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE customers (id INTEGER PRIMARY KEY);";
            await create.ExecuteNonQueryAsync();
        }

        var result = await CliProcess.RunAsync(TimeLimit, "reconcile", "--db", file);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("holds no journal", result.StandardError);
        await using var check = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await check.OpenAsync();
        await using var tables = check.CreateCommand();
        tables.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table';";
        Assert.Equal(1L, await tables.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Reconciling_a_file_that_is_not_a_database_is_an_infrastructure_failure()
    {
        var file = Path.Combine(directory, "garbage.db");
        await File.WriteAllBytesAsync(file, Enumerable.Range(0, 8192).Select(i => (byte)(i * 7 % 256)).ToArray());

        var result = await CliProcess.RunAsync(TimeLimit, "reconcile", "--db", file);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", result.StandardError);
    }

    [Fact]
    public async Task A_run_against_an_unreachable_database_fails_fast_with_exit_code_3()
    {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        var result = await CliProcess.RunAsync(TimeLimit,
            "run", "--duration", "10s", "--db", "Host=127.0.0.1;Port=1;Database=soak;Username=soak;Password=secret",
            "--report-dir", directory);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("unreachable", result.StandardError);
        Assert.DoesNotContain("secret", result.StandardError + result.StandardOutput);
        Assert.DoesNotContain("   at ", result.StandardError);
    }
}
