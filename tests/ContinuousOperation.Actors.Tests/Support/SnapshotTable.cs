using Microsoft.Data.Sqlite;

namespace ContinuousOperation.Actors.Tests.Support;

/// <summary>The snapshot store's table in a test's SQLite journal, read and tampered with directly.</summary>
public static class SnapshotTable
{
    /// <summary>Sequence numbers of the snapshots stored for <paramref name="persistenceId"/>, oldest first.</summary>
    public static long[] SequenceNumbers(TempSqliteJournal journal, string persistenceId)
    {
        using var connection = new SqliteConnection(journal.ConnectionString);
        connection.Open();
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT sequence_number FROM snapshot WHERE persistence_id = $id ORDER BY sequence_number";
        query.Parameters.AddWithValue("$id", persistenceId);
        using var reader = query.ExecuteReader();
        var sequenceNumbers = new List<long>();
        while (reader.Read()) sequenceNumbers.Add(reader.GetInt64(0));
        return [.. sequenceNumbers];
    }

    /// <summary>Overwrites the bytes of every snapshot of <paramref name="persistenceId"/>; returns how many.</summary>
    public static int Overwrite(TempSqliteJournal journal, string persistenceId, byte[] bytes)
    {
        using var connection = new SqliteConnection(journal.ConnectionString);
        connection.Open();
        using var update = connection.CreateCommand();
        update.CommandText = "UPDATE snapshot SET snapshot = $bytes WHERE persistence_id = $id";
        update.Parameters.AddWithValue("$bytes", bytes);
        update.Parameters.AddWithValue("$id", persistenceId);
        return update.ExecuteNonQuery();
    }
}
