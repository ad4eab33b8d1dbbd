namespace ContinuousOperation.Domain.Consistency;

/// <summary>Follows the sequence numbers of one journal, which must run 1, 2, 3, … (invariant 7).</summary>
internal sealed class SequenceTracker(string persistenceId)
{
    private long _last;

    public string PersistenceId { get; } = persistenceId;

    public long EventsRead { get; private set; }

    public FindingLog Breaks { get; } = new();

    public void Observe(long sequenceNr)
    {
        EventsRead++;
        var expected = _last + 1;
        if (sequenceNr != expected)
        {
            var what = sequenceNr > expected ? $"{sequenceNr - expected} missing" : "repeated or out of order";
            Breaks.Add($"{PersistenceId}: expected sequence number {expected}, found {sequenceNr} ({what})",
                JournalNames.Position(PersistenceId, sequenceNr));
        }
        _last = sequenceNr;
    }
}
