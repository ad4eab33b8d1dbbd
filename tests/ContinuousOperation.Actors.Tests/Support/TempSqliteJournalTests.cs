using ContinuousOperation.Actors.Persistence;
using ContinuousOperation.Domain.Trading;
using Microsoft.Data.Sqlite;

namespace ContinuousOperation.Actors.Tests.Support;

public sealed class TempSqliteJournalTests : SqliteTestKit
{
    [Fact]
    public async Task Events_are_stored_by_the_binary_serializer_under_the_type_name_in_a_table_that_rejects_duplicate_sequence_numbers()
    {
        var written = await TestJournal.WriteAsync(
            Sys, "trader-BTC-USDT", new OrderAcknowledged(new("c1")), new OrderAcknowledged(new("c2")));
        Assert.Equal(2, written.LastSequenceNr);

        await using var connection = new SqliteConnection(Journal.ConnectionString);
        await connection.OpenAsync();
        var row = connection.CreateCommand();
        row.CommandText = "SELECT manifest, identifier, CAST(message AS TEXT) FROM journal WHERE sequence_number = 2";
        await using (var reader = await row.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync());
            Assert.Equal(nameof(OrderAcknowledged), reader.GetString(0));
            Assert.Equal(BinaryJournalSerializer.Id, reader.GetInt32(1));
            Assert.Contains("c2", reader.GetString(2));
        }

        // Configured through HOCON with a provider name, the plugin creates its indexes; without them a duplicate
        // write would be stored silently instead of rejected.
        var duplicate = connection.CreateCommand();
        duplicate.CommandText =
            """
            INSERT INTO journal (persistence_id, sequence_number, deleted, created, message, identifier, manifest, writer_uuid)
            SELECT persistence_id, sequence_number, deleted, created, message, identifier, manifest, writer_uuid
            FROM journal WHERE sequence_number = 2
            """;
        var rejected = await Assert.ThrowsAsync<SqliteException>(() => duplicate.ExecuteNonQueryAsync());
        Assert.Contains("UNIQUE", rejected.Message);
    }
}
