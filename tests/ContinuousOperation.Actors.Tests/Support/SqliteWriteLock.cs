using ContinuousOperation.Actors.Faults;
using Microsoft.Data.Sqlite;

namespace ContinuousOperation.Actors.Tests.Support;

/// <summary>The database-outage fault for a test journal: another connection holds SQLite's write lock, so the
/// journal's writes wait out its busy timeout and fail.</summary>
public sealed class SqliteWriteLock(string connectionString) : IDatabaseOutage
{
    public async Task<IAsyncDisposable> BeginAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var begin = connection.CreateCommand();
        begin.CommandText = "PRAGMA busy_timeout = 5000; BEGIN IMMEDIATE;";
        await begin.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}
