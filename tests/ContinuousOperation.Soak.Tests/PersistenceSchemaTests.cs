using Akka.Actor;
using ContinuousOperation.Actors.Persistence;
using ContinuousOperation.Cli.Database;
using ContinuousOperation.Cli.Hosting;
using Microsoft.Data.Sqlite;

namespace ContinuousOperation.Soak.Tests;

/// <summary>
/// The journal as the CLI configures it: the plugin silently creates tables without indexes when it is configured
/// through linq2db options alone, and sets no pragmas, so both are checked on a real file.
/// </summary>
public sealed class PersistenceSchemaTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("schema-").FullName;
    private string DatabaseFile => Path.Combine(_folder, "journal.db");

    public async Task InitializeAsync()
    {
        var database = DatabaseTarget.SqliteFileAt(DatabaseFile);
        await DatabasePreparation.PrepareForRunAsync(database, CancellationToken.None);
        await using var host = await ActorHost.StartAsync(database, userConfig: null, CancellationToken.None);

        var writer = host.System.ActorOf(TraderEventWriter.Props());
        Assert.Equal("persisted", await writer.Ask<string>(TraderEventWriter.Opened(), TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Journal_rejects_duplicate_sequence_numbers_through_a_unique_index()
    {
        await using var connection = await OpenAsync();

        var uniqueIndexes = await QueryAsync(connection, "SELECT name FROM pragma_index_list('journal') WHERE \"unique\" = 1");
        var columns = new List<IReadOnlyList<string>>();
        foreach (var index in uniqueIndexes)
        {
            columns.Add(await QueryAsync(connection, $"SELECT name FROM pragma_index_info('{index}') ORDER BY seqno"));
        }

        Assert.Contains(columns, c => c.SequenceEqual(["persistence_id", "sequence_number"]));
    }

    [Fact]
    public async Task Database_file_is_in_wal_mode()
    {
        await using var connection = await OpenAsync();

        Assert.Equal(["wal"], await QueryAsync(connection, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task Events_are_written_by_the_journal_serializer_and_tagged()
    {
        await using var connection = await OpenAsync();

        // The binary journal serializer's identifier: the event did not fall back to a default serializer, nor to JSON.
        Assert.Equal(
            [$"{BinaryJournalSerializer.Id}|AccountOpened"],
            await QueryAsync(connection, "SELECT identifier || '|' || manifest FROM journal"));
        // Tags are kept in the event's own row (see hocon/persistence-sqlite.hocon), separated by ';'.
        Assert.Equal([$";{JournalTagger.Orders};"], await QueryAsync(connection, "SELECT tags FROM journal"));
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearPool(new SqliteConnection(DatabaseTarget.SqliteFileAt(DatabaseFile).ConnectionString));
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabaseFile, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<IReadOnlyList<string>> QueryAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetValue(0).ToString()!);
        return rows;
    }
}
