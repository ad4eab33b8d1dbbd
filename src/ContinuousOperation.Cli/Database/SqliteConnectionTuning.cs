using System.Data.Common;
using LinqToDB.Interceptors;

namespace ContinuousOperation.Cli.Database;

/// <summary>
/// Sets the per-connection SQLite pragmas on every connection the journal opens; the persistence plugin sets none.
/// <c>synchronous=NORMAL</c> is safe with WAL (a crash may lose the last commits, never corrupt the file) and makes
/// <c>Persist</c> several times faster than the default FULL; <c>busy_timeout</c> makes a writer wait for a lock held
/// by another connection (the read journal, the reconcile verb) instead of failing at once.
/// </summary>
internal sealed class SqliteConnectionTuning : ConnectionInterceptor
{
    public const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;";

    public override void ConnectionOpened(ConnectionEventData eventData, DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(ConnectionEventData eventData, DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
