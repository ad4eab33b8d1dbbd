using Microsoft.Data.Sqlite;
using Npgsql;

namespace ContinuousOperation.Cli.Database;

/// <summary>Checks the journal database before anything starts, so that a wrong <c>--db</c> ends with one clear line
/// instead of persistence failures in the middle of a run.</summary>
internal static class DatabasePreparation
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    /// <summary>For a run: creates the SQLite file in WAL mode if needed, or checks that PostgreSQL answers.</summary>
    public static async Task PrepareForRunAsync(DatabaseTarget target, CancellationToken cancellationToken)
    {
        if (target.Kind == DatabaseKind.PostgreSql)
        {
            // Only that it answers: a run's journal table may not exist yet (the plugin creates it).
            await ProbePostgreSqlAsync(target, cancellationToken);
            return;
        }

        var file = target.SqliteFile!;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await using var connection = new SqliteConnection(target.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            // WAL is a property of the file, kept across connections: setting it once here serves the whole run.
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL;";
            var mode = (string?)await command.ExecuteScalarAsync(cancellationToken);
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InfrastructureException($"SQLite database {file} refused WAL mode (journal_mode is {mode})");
            }
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new InfrastructureException($"SQLite database {file} cannot be opened for writing: {e.Message}", e);
        }
    }

    /// <summary>For reconcile: the database must already exist, be readable and hold a journal. Checked here because
    /// the persistence plugin would otherwise create empty tables in whatever database it was pointed at.</summary>
    public static async Task CheckReadableAsync(DatabaseTarget target, CancellationToken cancellationToken)
    {
        if (target.Kind == DatabaseKind.PostgreSql)
        {
            if (!await ProbePostgreSqlAsync(target, cancellationToken)) throw NoJournal(target);
            return;
        }

        var file = target.SqliteFile!;
        if (!File.Exists(file)) throw new UsageException($"--db: no SQLite database at {file}");
        try
        {
            await using var connection = new SqliteConnection(target.AsReadOnly().ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            // Reading the schema is what fails on a file that is not a database.
            command.CommandText = $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{DatabaseTarget.JournalTable}';";
            if ((long)(await command.ExecuteScalarAsync(cancellationToken))! == 0) throw NoJournal(target);
        }
        catch (SqliteException e)
        {
            throw new InfrastructureException($"SQLite database {file} cannot be read: {e.Message}", e);
        }
    }

    private static UsageException NoJournal(DatabaseTarget target) =>
        new($"--db: {target.Describe().Location} holds no journal (is it a run's journal database?)");

    /// <summary>Whether PostgreSQL answers (else exit 3) and holds a journal table: one connection and one query, so
    /// every connection failure takes the same path.</summary>
    private static async Task<bool> ProbePostgreSqlAsync(DatabaseTarget target, CancellationToken cancellationToken)
    {
        var location = target.Describe().Location;
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Timeout = (int)ConnectTimeout.TotalSeconds };
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"SELECT to_regclass('{DatabaseTarget.JournalTable}') IS NOT NULL", connection);
            return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            throw new InfrastructureException($"PostgreSQL at {location} is unreachable: {e.Message}", e);
        }
    }
}
