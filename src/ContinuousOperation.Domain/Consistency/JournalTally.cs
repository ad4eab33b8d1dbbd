namespace ContinuousOperation.Domain.Consistency;

/// <summary>What one journal held when it was read: its persistence id, how many events, and a SHA-256 digest of every
/// event's sequence number and serialized bytes in order (<see cref="SequenceTracker"/>). Recorded when a run closes,
/// it lets a later reconciliation tell a journal that lost, gained or changed an event from the one the run left.</summary>
public sealed record JournalTally(string PersistenceId, long Events, string Digest);
