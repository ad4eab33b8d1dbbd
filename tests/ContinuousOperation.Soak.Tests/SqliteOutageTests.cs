using ContinuousOperation.Cli.Database;
using Microsoft.Data.Sqlite;

namespace ContinuousOperation.Soak.Tests;

/// <summary>The SQLite outage really refuses writes: a connection tuned like the journal's fails to write while it
/// lasts (instead of waiting the lock out), still reads, and writes again once it is over.</summary>
public sealed class SqliteOutageTests : IAsyncLifetime
{
    /// <summary>SQLite's result code for a database locked by another connection.</summary>
    private const int SqliteBusy = 5;

    private readonly string _folder = Directory.CreateTempSubdirectory("sqlite-outage-").FullName;
    private DatabaseTarget Database => DatabaseTarget.SqliteFileAt(Path.Combine(_folder, "journal.db"));

    public async Task InitializeAsync()
    {
        await DatabasePreparation.PrepareForRunAsync(Database, CancellationToken.None);
        await using var connection = await OpenLikeTheJournalAsync();
        await ExecuteAsync(connection, "CREATE TABLE events (id INTEGER PRIMARY KEY AUTOINCREMENT, payload TEXT)");
        await ExecuteAsync(connection, "INSERT INTO events (payload) VALUES ('before')");
    }

    [Fact]
    public async Task While_the_outage_lasts_writes_fail_and_reads_go_on_and_afterwards_writes_succeed()
    {
        await using (await DatabaseOutages.For(Database).BeginAsync(CancellationToken.None))
        {
            await using var during = await OpenLikeTheJournalAsync();
            var refused = await Assert.ThrowsAsync<SqliteException>(() => ExecuteAsync(during, "INSERT INTO events (payload) VALUES ('during')"));
            Assert.Equal(SqliteBusy, refused.SqliteErrorCode);
            Assert.Equal(["before"], await PayloadsAsync(during));
        }

        await using var after = await OpenLikeTheJournalAsync();
        await ExecuteAsync(after, "INSERT INTO events (payload) VALUES ('after')");
        Assert.Equal(["before", "after"], await PayloadsAsync(after));
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearPool(new SqliteConnection(Database.ConnectionString));
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    private async Task<SqliteConnection> OpenLikeTheJournalAsync()
    {
        var connection = new SqliteConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await SqliteConnectionTuning.ApplyAsync(connection, CancellationToken.None);
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<IReadOnlyList<string>> PayloadsAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload FROM events ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync();
        var payloads = new List<string>();
        while (await reader.ReadAsync()) payloads.Add(reader.GetString(0));
        return payloads;
    }
}
