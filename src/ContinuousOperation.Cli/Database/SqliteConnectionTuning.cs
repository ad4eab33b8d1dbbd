using System.Data.Common;
using LinqToDB.Interceptors;
using Microsoft.Data.Sqlite;

namespace ContinuousOperation.Cli.Database;

/// <summary>
/// Sets the per-connection SQLite settings on every connection the journal opens; the persistence plugin sets none.
/// <c>synchronous=NORMAL</c> is safe with WAL (a crash may lose the last commits, never corrupt the file) and makes
/// <c>Persist</c> several times faster than the default FULL.
/// </summary>
internal sealed class SqliteConnectionTuning : ConnectionInterceptor
{
    /// <summary>
    /// How long a write waits for the write lock of another connection before it fails. In WAL mode readers never
    /// block the journal's single writer and its transactions last milliseconds, so a second is ample; a lock held
    /// longer is an outage, and writes must fail (and be counted) rather than stall silently. Two settings wait for a
    /// lock and both are bounded: SQLite's <c>busy_timeout</c>, and Microsoft.Data.Sqlite's own retry of busy
    /// statements, which lasts the command timeout (30 s by default).
    /// </summary>
    public static readonly TimeSpan LockWait = TimeSpan.FromSeconds(1);

    private static readonly string Pragmas =
        $"PRAGMA synchronous=NORMAL; PRAGMA busy_timeout={(int)LockWait.TotalMilliseconds};";

    /// <summary>Tunes a connection opened outside the journal the way the journal's own are.</summary>
    public static async Task ApplyAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = TuningCommand(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override void ConnectionOpened(ConnectionEventData eventData, DbConnection connection)
    {
        using var command = TuningCommand(connection);
        command.ExecuteNonQuery();
    }

    public override Task ConnectionOpenedAsync(ConnectionEventData eventData, DbConnection connection, CancellationToken cancellationToken) =>
        ApplyAsync(connection, cancellationToken);

    /// <summary>Sets the connection's default command timeout and returns the command that sets the pragmas.</summary>
    private static DbCommand TuningCommand(DbConnection connection)
    {
        ((SqliteConnection)connection).DefaultTimeout = (int)LockWait.TotalSeconds;
        var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        return command;
    }
}
