namespace ContinuousOperation.Domain.Primitives;

/// <summary>Marker for every event written to a journal; the persistence layer binds its serializer to it.</summary>
public interface IJournalEvent;
