using ContinuousOperation.Actors.Faults;
using Microsoft.Data.Sqlite;

namespace ContinuousOperation.Cli.Database;

/// <summary>
/// A SQLite outage: a connection of its own opens a write transaction (<c>BEGIN IMMEDIATE</c>, which in WAL mode is
/// as exclusive as a write lock gets) and keeps it open until disposed. Readers carry on, as WAL allows; every journal
/// write waits <see cref="SqliteConnectionTuning.LockWait"/> for the lock and then fails with "database is locked".
/// Outages shorter than that wait delay writes without failing any.
/// </summary>
internal sealed class SqliteOutage(string connectionString) : IDatabaseOutage
{
    public async Task<IAsyncDisposable> BeginAsync(CancellationToken cancellationToken)
    {
        // Unpooled, so that closing the connection really lets go of the file.
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = false };
        var connection = new SqliteConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // The journal may be between two writes of its own: wait for its lock as long as it would wait for ours.
            await SqliteConnectionTuning.ApplyAsync(connection, cancellationToken);
            await using var begin = connection.CreateCommand();
            begin.CommandText = "BEGIN IMMEDIATE;";
            await begin.ExecuteNonQueryAsync(cancellationToken);
            return new HeldLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The open write transaction; disposing rolls it back (it wrote nothing) and closes the connection.</summary>
    private sealed class HeldLock(SqliteConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using (connection)
            {
                await using var rollback = connection.CreateCommand();
                rollback.CommandText = "ROLLBACK;";
                await rollback.ExecuteNonQueryAsync();
            }
        }
    }
}
