namespace ContinuousOperation.Soak.Tests;

/// <summary>Runs sharing one SQLite journal: each is recorded and reconciled on its own, and <c>reconcile</c> fails
/// when what the manifest says must be there is not, without ever writing to the database.</summary>
[Collection(SharedSqliteRunsCollection.Name)]
public sealed class SharedSqliteDatabaseTests(SharedSqliteRunsFixture runs)
{
    private static readonly TimeSpan TimeLimit = TimeSpan.FromMinutes(2);

    private string Copy(string name) => SqliteJournalFile.Copy(runs.Database, Path.Combine(runs.Directory, $"{name}-{Guid.NewGuid():N}.db"));

    [Fact]
    public async Task Two_runs_in_a_row_on_one_file_both_trade_and_pass_and_each_reconciles_by_its_id()
    {
        Assert.All(runs.Runs, run => Assert.True(run.ExitCode == 0, run.ToString()));
        Assert.Equal(2, runs.Reports.Length);
        Assert.All(runs.Reports, report => Assert.True(report.GetProperty("metrics").GetProperty("orders_placed").GetInt64() > 0));
        Assert.Equal(2, runs.RunIds.Distinct().Count());

        foreach (var id in runs.RunIds)
        {
            var reconcile = await CliProcess.RunAsync(TimeLimit, "reconcile", "--db", runs.Database, "--run", id);

            Assert.True(reconcile.ExitCode == 0, reconcile.ToString());
            Assert.Contains($"Reconciling run {id} (finished, passed)", reconcile.StandardOutput);
            Assert.Contains("Consistency valid: 9 of 9 invariants hold", reconcile.StandardOutput);
        }
    }

    [Fact]
    public async Task Reconcile_lists_every_run_checks_the_latest_by_default_and_writes_nothing()
    {
        var before = SqliteJournalFile.Fingerprint(runs.Database);
        var filesBefore = Directory.GetFiles(runs.Directory, "journal.db*");

        var reconcile = await CliProcess.RunAsync(TimeLimit, "reconcile", "--db", runs.Database);

        Assert.True(reconcile.ExitCode == 0, reconcile.ToString());
        Assert.All(runs.RunIds, id => Assert.Contains($"  {id}  started ", reconcile.StandardOutput));
        Assert.Contains($"Reconciling run {runs.RunIds[^1]} ", reconcile.StandardOutput);
        Assert.Equal(before, SqliteJournalFile.Fingerprint(runs.Database));
        // The runs ended cleanly, so there is no write-ahead log to read: not even SQLite's -wal and -shm appear.
        Assert.Equal(filesBefore, Directory.GetFiles(runs.Directory, "journal.db*"));
    }

    [Fact]
    public async Task An_unknown_run_is_a_usage_error()
    {
        var reconcile = await CliProcess.RunAsync(TimeLimit, "reconcile", "--db", runs.Database, "--run", "20200101T000000Z-1-abcd");

        Assert.True(reconcile.ExitCode == 2, reconcile.ToString());
        Assert.Single(reconcile.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task A_journal_with_every_event_deleted_fails()
    {
        var copy = Copy("deleted");
        await SqliteJournalFile.ExecuteAsync(copy, "DELETE FROM journal");

        var reconcile = await CliProcess.RunAsync(TimeLimit, "reconcile", "--db", copy);

        Assert.True(reconcile.ExitCode == 1, reconcile.ToString());
        Assert.Contains("journals_as_recorded", reconcile.StandardOutput);
        Assert.Contains("is missing (no events)", reconcile.StandardOutput);
    }

    [Fact]
    public async Task Both_journals_of_one_symbol_deleted_fail_naming_them()
    {
        var copy = Copy("symbol-deleted");
        var run = runs.RunIds[^1];
        await SqliteJournalFile.ExecuteAsync(copy, "DELETE FROM journal WHERE persistence_id IN (@trader, @exchange)",
            ("trader", $"trader-BTC-USDT@{run}"), ("exchange", $"exchange-BTC-USDT@{run}"));

        var reconcile = await CliProcess.RunAsync(TimeLimit, "reconcile", "--db", copy);

        Assert.True(reconcile.ExitCode == 1, reconcile.ToString());
        Assert.Contains($"journal trader-BTC-USDT@{run} of manifest symbol BTC-USDT is missing", reconcile.StandardOutput);
        Assert.Contains($"journal exchange-BTC-USDT@{run} of manifest symbol BTC-USDT is missing", reconcile.StandardOutput);
    }

    [Fact]
    public async Task A_database_that_records_no_run_fails_with_one_line()
    {
        var copy = Copy("no-manifest");
        await SqliteJournalFile.ExecuteAsync(copy, "DROP TABLE run_manifest");

        var reconcile = await CliProcess.RunAsync(TimeLimit, "reconcile", "--db", copy);

        Assert.True(reconcile.ExitCode == 1, reconcile.ToString());
        Assert.Contains("holds no recorded run", reconcile.StandardError);
        Assert.Single(reconcile.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
