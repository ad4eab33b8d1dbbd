using System.Text;

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

    private sealed record Row(long Ordering, string PersistenceId, long SequenceNr, byte[] Message);

    private enum Tampering { Delete, Duplicate, EditPayload, TruncateTail }

    [Fact]
    public async Task Reconcile_never_passes_a_journal_tampered_at_a_random_row()
    {
        var run = runs.RunIds[^1];
        var rows = (await SqliteJournalFile.QueryAsync(runs.Database,
                "SELECT ordering, persistence_id, sequence_number, message FROM journal ORDER BY ordering",
                r => new Row(r.GetInt64(0), r.GetString(1), r.GetInt64(2), (byte[])r.GetValue(3))))
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
            ("message", EditedNumber(row.Message, random)), ("ordering", row.Ordering)),
        _ => SqliteJournalFile.ExecuteAsync(copy, "DELETE FROM journal WHERE persistence_id = @id AND sequence_number >= @from",
            ("id", row.PersistenceId), ("from", row.SequenceNr)),
    };

    /// <summary>One digit of a JSON number (outside any string) changed to another non-zero digit: still a valid
    /// event, so only the journal's digest can tell.</summary>
    private static byte[] EditedNumber(byte[] message, Random random)
    {
        var json = Encoding.UTF8.GetString(message);
        var inString = false;
        var digits = new List<int>();
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] == '"' && (i == 0 || json[i - 1] != '\\')) inString = !inString;
            else if (!inString && char.IsAsciiDigit(json[i])) digits.Add(i);
        }
        Assert.NotEmpty(digits);
        var at = digits[random.Next(digits.Count)];
        var replacement = (char)('1' + (json[at] - '0' + random.Next(1, 9)) % 9);
        if (replacement == json[at]) replacement = json[at] == '9' ? '1' : (char)(json[at] + 1);
        return Encoding.UTF8.GetBytes(json[..at] + replacement + json[(at + 1)..]);
    }
}
