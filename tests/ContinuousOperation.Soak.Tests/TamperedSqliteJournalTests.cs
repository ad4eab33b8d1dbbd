using ContinuousOperation.Actors.Persistence;

namespace ContinuousOperation.Soak.Tests;

/// <summary>
/// A real run's journal, copied and tampered with in SQL at a seeded random row — deleted, duplicated under a new
/// sequence number, its payload edited, or its journal truncated — then checked by <c>reconcile</c> as an operator
/// would run it. None of the tampered copies may pass.
/// </summary>
[Collection(SharedSqliteRunsCollection.Name)]
public sealed class TamperedSqliteJournalTests(SharedSqliteRunsFixture runs)
{
    private const int Iterations = 24;
    private static readonly TimeSpan TimeLimit = TimeSpan.FromMinutes(2);

    private sealed record Row(long Ordering, string PersistenceId, long SequenceNr, byte[] Message, string Manifest);

    private enum Tampering { Delete, Duplicate, EditPayload, TruncateTail }

    [Fact]
    public async Task Reconcile_never_passes_a_journal_tampered_at_a_random_row()
    {
        var run = runs.RunIds[^1];
        var rows = (await SqliteJournalFile.QueryAsync(runs.Database,
                "SELECT ordering, persistence_id, sequence_number, message, manifest FROM journal ORDER BY ordering",
                r => new Row(r.GetInt64(0), r.GetString(1), r.GetInt64(2), (byte[])r.GetValue(3), r.GetString(4))))
            .Where(r => r.PersistenceId.EndsWith($"@{run}", StringComparison.Ordinal))
            .ToArray();
        Assert.NotEmpty(rows);

        for (var seed = 0; seed < Iterations; seed++)
        {
            var random = new Random(seed);
            var tampering = (Tampering)(seed % 4);
            var row = rows[random.Next(rows.Length)];
            var copy = SqliteJournalFile.Copy(runs.Database, Path.Combine(runs.Directory, $"tampered-{seed}.db"));
            await TamperAsync(copy, tampering, row, random);

            var reconcile = await CliProcess.RunAsync(TimeLimit, "reconcile", "--db", copy);

            Assert.True(reconcile.ExitCode == 1,
                $"seed {seed}: {tampering} at {row.PersistenceId}#{row.SequenceNr} was not caught\n{reconcile}");
            Assert.Contains(row.PersistenceId, reconcile.StandardOutput);
            Assert.DoesNotContain("   at ", reconcile.StandardOutput + reconcile.StandardError);
            File.Delete(copy);
        }
    }

    private static Task<int> TamperAsync(string copy, Tampering tampering, Row row, Random random) => tampering switch
    {
        Tampering.Delete => SqliteJournalFile.ExecuteAsync(copy, "DELETE FROM journal WHERE ordering = @ordering", ("ordering", row.Ordering)),
        Tampering.Duplicate => SqliteJournalFile.ExecuteAsync(copy, """
            INSERT INTO journal (created, deleted, persistence_id, sequence_number, message, tags, manifest, identifier, writer_uuid)
            SELECT created, deleted, persistence_id,
                   (SELECT max(sequence_number) + 1 FROM journal WHERE persistence_id = @id),
                   message, tags, manifest, identifier, writer_uuid
            FROM journal WHERE ordering = @ordering
            """, ("id", row.PersistenceId), ("ordering", row.Ordering)),
        Tampering.EditPayload => SqliteJournalFile.ExecuteAsync(copy, "UPDATE journal SET message = @message WHERE ordering = @ordering",
            ("message", EditedPayload(row, random)), ("ordering", row.Ordering)),
        _ => SqliteJournalFile.ExecuteAsync(copy, "DELETE FROM journal WHERE persistence_id = @id AND sequence_number >= @from",
            ("id", row.PersistenceId), ("from", row.SequenceNr)),
    };

    private static readonly BinaryJournalSerializer Serializer = new(null!);

    /// <summary>One byte of the binary payload (not its schema version) changed so that the row still reads as an event,
    /// and another one than before (a trade's price or fee, a fill sequence, an order id inside a batch, …): only the
    /// journal's digest can tell.</summary>
    private static byte[] EditedPayload(Row row, Random random)
    {
        Assert.True(row.Message.Length > 1, $"{row.Manifest} has no field to edit");
        var original = Serializer.ToBinary(Serializer.FromBinary(row.Message, row.Manifest));
        for (var attempt = 0; attempt < 10_000; attempt++)
        {
            var edited = (byte[])row.Message.Clone();
            var at = random.Next(1, edited.Length);
            edited[at] ^= (byte)random.Next(1, 256);
            if (Reads(edited, row.Manifest) is { } read && !Serializer.ToBinary(read).AsSpan().SequenceEqual(original))
                return edited;
        }

        throw new InvalidOperationException($"No one-byte edit of {row.PersistenceId}#{row.SequenceNr} ({row.Manifest}) still reads");
    }

    private static object? Reads(byte[] message, string manifest)
    {
        try
        {
            return Serializer.FromBinary(message, manifest);
        }
        catch (System.Runtime.Serialization.SerializationException)
        {
            return null;
        }
    }
}
