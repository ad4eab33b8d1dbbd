using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace ContinuousOperation.Soak.Tests;

/// <summary>Runs that share a SQLite journal: a second run while one is going is refused and leaves nothing, and a
/// run killed with SIGKILL at a seeded random moment reconciles as consistent but unfinished, without the reconciler
/// touching the journal.</summary>
public sealed class RunIdentityTests : IDisposable
{
    private static readonly TimeSpan TimeLimit = TimeSpan.FromMinutes(3);
    private readonly string _directory = Directory.CreateTempSubdirectory("run-identity-").FullName;

    private string Database => Path.Combine(_directory, "journal.db");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_second_run_on_a_database_in_use_is_refused_with_one_line_and_leaves_no_folder()
    {
        var firstReports = Path.Combine(_directory, "first");
        var secondReports = Path.Combine(_directory, "second");
        var first = CliProcess.RunAsync(TimeLimit,
            "run", "--duration", "12s", "--symbol-count", "1", "--speed", "5", "--sample-interval", "2s",
            "--db", Database, "--report-dir", firstReports);
        await Eventually.TrueAsync("the first run's manifest", TimeSpan.FromMinutes(1), () => HasManifestAsync(Database));

        var second = await CliProcess.RunAsync(TimeLimit,
            "run", "--duration", "5s", "--symbol-count", "1", "--db", Database, "--report-dir", secondReports);

        Assert.True(second.ExitCode == 3, second.ToString());
        Assert.Contains("another run is using the journal database", Assert.Single(second.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.False(Directory.Exists(secondReports) && Directory.EnumerateFileSystemEntries(secondReports).Any(), "the refused run left files");
        var firstResult = await first;
        Assert.True(firstResult.ExitCode == 0, firstResult.ToString());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task A_run_killed_at_a_random_moment_reconciles_as_consistent_but_unfinished_and_untouched(int seed)
    {
        // Any moment once the symbol has traded: before that its journals may not exist yet, and a manifest symbol
        // without journals is a failure (nothing can tell "never started" from "lost").
        var moment = TimeSpan.FromMilliseconds(new Random(seed).Next(0, 4_000));
        var killed = await CliProcess.RunAndSignalAsync(TimeLimit, "KILL", FirstFills, moment,
            "run", "--duration", "2m", "--symbol-count", "1", "--speed", "5", "--sample-interval", "1s", "--progress-interval", "1s",
            "--seed", seed.ToString(), "--db", Database, "--report-dir", Path.Combine(_directory, "reports"));
        Assert.True(killed.ExitCode == 137, $"killed {moment} after the first fills: {killed}");
        var before = SqliteJournalFile.Fingerprint(Database);

        var reconcile = await CliProcess.RunAsync(TimeLimit, "reconcile", "--db", Database);

        Assert.True(reconcile.ExitCode == 0, $"killed {moment} after the first fills: {reconcile}");
        Assert.Contains("unfinished: no closing record", reconcile.StandardOutput);
        Assert.Contains("Consistency consistent but unfinished", reconcile.StandardOutput);
        Assert.Contains("no_orphaned_orders: not applicable (run unfinished)", reconcile.StandardOutput);
        Assert.Equal(before, SqliteJournalFile.Fingerprint(Database));
    }

    [Fact]
    public async Task A_killed_run_does_not_block_the_next_run_on_its_database()
    {
        var killed = await CliProcess.RunAndSignalAsync(TimeLimit, "KILL", FirstFills, TimeSpan.Zero,
            "run", "--duration", "2m", "--symbol-count", "1", "--speed", "5", "--progress-interval", "1s",
            "--db", Database, "--report-dir", Path.Combine(_directory, "killed"));
        Assert.True(killed.ExitCode == 137, killed.ToString());

        var next = await CliProcess.RunAsync(TimeLimit,
            "run", "--duration", "6s", "--symbol-count", "1", "--speed", "5", "--sample-interval", "1s",
            "--db", Database, "--report-dir", Path.Combine(_directory, "next"));
        var reconcile = await CliProcess.RunAsync(TimeLimit, "reconcile", "--db", Database);

        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.True(reconcile.ExitCode == 0, reconcile.ToString());
        Assert.Contains("  unfinished\n", reconcile.StandardOutput.ReplaceLineEndings("\n"));
        Assert.Contains("(finished, passed)", reconcile.StandardOutput);
    }

    private static bool FirstFills(string progressLine) => Regex.IsMatch(progressLine, @"Progress .*\| fills [1-9]");

    private static async Task<bool> HasManifestAsync(string database)
    {
        if (!File.Exists(database)) return false;
        try
        {
            return (await SqliteJournalFile.QueryAsync(database, "SELECT count(*) FROM run_manifest", r => r.GetInt64(0)))[0] > 0;
        }
        catch (SqliteException)
        {
            return false; // the table is not there yet
        }
    }
}
