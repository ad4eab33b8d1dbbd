using ContinuousOperation.Actors.Persistence;

namespace ContinuousOperation.Benchmarks.Support;

/// <summary>
/// What a restarting entity finds in the database, for the recovery benchmarks: one entity's journal as stored
/// (serialized event and manifest) and its snapshot taken half an interval of the default policy before the end, where a
/// crash lands on average. The simulated journal pair behind it is generated once per size and shared by the book and
/// trader benchmarks (BenchmarkDotNet calls each class's setup once per case; 1 M events take about a minute to generate).
/// </summary>
internal sealed class RecoveryJournal<TEvent, TSnapshot>(
    (byte[] Bytes, string Manifest)[] events, int eventsInSnapshot, byte[] snapshot, string snapshotManifest)
    where TEvent : notnull
    where TSnapshot : class
{
    private static readonly BinaryJournalSerializer EventSerializer = new(null!);
    private static readonly SnapshotSerializer SnapshotSerializer = new(null!);

    public int Length => events.Length;

    public int EventsInSnapshot { get; } = eventsInSnapshot;

    /// <summary>Serializes <paramref name="journal"/> and the snapshot that <paramref name="snapshotAfter"/> takes of the
    /// state after its first events.</summary>
    public static RecoveryJournal<TEvent, TSnapshot> Of(IReadOnlyList<TEvent> journal, Func<IEnumerable<TEvent>, int, TSnapshot> snapshotAfter)
    {
        var eventsInSnapshot = Math.Max(0, journal.Count - (int)Domain.Run.SnapshotPolicy.Default.EveryEvents / 2);
        var snapshot = snapshotAfter(journal.Take(eventsInSnapshot), eventsInSnapshot);
        return new RecoveryJournal<TEvent, TSnapshot>(
            journal.Select(e => (EventSerializer.ToBinary(e), EventSerializer.Manifest(e))).ToArray(),
            eventsInSnapshot, SnapshotSerializer.ToBinary(snapshot), SnapshotSerializer.Manifest(snapshot));
    }

    public TSnapshot ReadSnapshot() => (TSnapshot)SnapshotSerializer.FromBinary(snapshot, snapshotManifest);

    /// <summary>Deserializes the events from position <paramref name="from"/> on, handing each to <paramref name="apply"/>.</summary>
    public void Replay(int from, Action<TEvent> apply)
    {
        for (var i = from; i < events.Length; i++)
            apply((TEvent)EventSerializer.FromBinary(events[i].Bytes, events[i].Manifest));
    }
}

/// <summary>The simulated journal pairs, generated once per size for the whole benchmark process.</summary>
internal static class SimulatedJournals
{
    private static readonly Dictionary<int, SimulatedSymbol> Generated = new();

    public static SimulatedSymbol OfSize(int events)
    {
        if (!Generated.TryGetValue(events, out var simulation)) Generated.Add(events, simulation = SimulatedSymbol.Generate(events));
        return simulation;
    }
}
