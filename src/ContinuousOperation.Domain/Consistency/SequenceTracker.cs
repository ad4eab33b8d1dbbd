using System.Buffers.Binary;
using System.Security.Cryptography;

namespace ContinuousOperation.Domain.Consistency;

/// <summary>Follows the sequence numbers of one journal, which must run 1, 2, 3, … (invariant 7), and counts and
/// digests what it reads (<see cref="JournalTally"/>).</summary>
internal sealed class SequenceTracker(string persistenceId)
{
    private readonly IncrementalHash _digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public string PersistenceId { get; } = persistenceId;

    public long EventsRead { get; private set; }

    /// <summary>The last sequence number read (0 before any).</summary>
    public long Last { get; private set; }

    public FindingLog Breaks { get; } = new();

    /// <param name="serialized">The event as stored; its length is digested too, so no two events can run together.</param>
    public void Observe(long sequenceNr, ReadOnlySpan<byte> serialized)
    {
        EventsRead++;
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteInt64LittleEndian(header, sequenceNr);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], serialized.Length);
        _digest.AppendData(header);
        _digest.AppendData(serialized);

        var expected = Last + 1;
        if (sequenceNr != expected)
        {
            var what = sequenceNr > expected ? $"{sequenceNr - expected} missing" : "repeated or out of order";
            Breaks.Add($"{PersistenceId}: expected sequence number {expected}, found {sequenceNr} ({what})",
                JournalNames.Position(PersistenceId, sequenceNr));
        }
        Last = sequenceNr;
    }

    /// <summary>The count and digest of everything read so far; reading may go on afterwards.</summary>
    public JournalTally Tally() => new(PersistenceId, EventsRead, Convert.ToHexStringLower(_digest.GetCurrentHash()));
}
