using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Consistency;

/// <summary>
/// The paper trader's fills, by fill id, as each journal reports them (invariant 1). Only the trader's own fills are
/// kept; trades between other participants never enter here. A fill both journals hold once on equal terms is settled;
/// once both journals have gone on to a later fill of the account, it is retired: forgotten, with its account fill
/// sequence kept in <see cref="RetiredNumbers"/>. Account fill sequences are unique per account, so any later sighting
/// of a retired sequence is a fill applied or printed again (<see cref="Repeats"/>). Waiting for a later fill keeps a
/// copy that comes straight after its original (a retried write) listed with both its positions.
/// </summary>
internal sealed class FillLedger
{
    /// <summary>One journal's view of a fill: the terms it first saw, how often, and where (first and last copy).</summary>
    internal sealed class Sightings
    {
        public FillTerms Terms { get; private set; }

        public int Count { get; private set; }

        public long FirstSequenceNr { get; private set; }

        public long LastSequenceNr { get; private set; }

        public void Add(FillTerms terms, long sequenceNr)
        {
            if (Count++ == 0)
                (Terms, FirstSequenceNr) = (terms, sequenceNr);
            LastSequenceNr = sequenceNr;
        }
    }

    internal sealed record Fill(FillId Id, Sightings AtVenue, Sightings AtTrader)
    {
        public bool IsSettled => AtVenue.Count == 1 && AtTrader.Count == 1 && AtVenue.Terms == AtTrader.Terms;
    }

    private readonly Dictionary<FillId, Fill> _fills = [];
    private readonly PriorityQueue<FillId, long> _settled = new();
    private readonly RetiredNumbers _retired = new();
    private readonly string _trader;
    private readonly string _venue;

    /// <param name="trader">Persistence id of the trader journal, to name positions in it.</param>
    /// <param name="venue">Persistence id of the venue journal.</param>
    public FillLedger(string trader, string venue) => (_trader, _venue) = (trader, venue);

    /// <summary>Fills not retired yet: unmatched, in dispute, or settled but not yet passed by both journals.</summary>
    public IEnumerable<Fill> Fills => _fills.Values;

    /// <summary>Sightings of an account fill sequence that was already retired.</summary>
    public FindingLog Repeats { get; } = new();

    /// <summary>The highest account fill sequence the trader applied; it applies them in that order.</summary>
    public long TraderWatermark { get; private set; }

    /// <summary>The highest account fill sequence the venue printed.</summary>
    public long VenueWatermark { get; private set; }

    /// <summary>Entries held: fills, fills waiting to retire, and runs of retired sequences.</summary>
    public int Retained => _fills.Count + _settled.Count + _retired.Runs;

    public void SeenAtVenue(FillId id, FillTerms terms, long sequenceNr)
    {
        VenueWatermark = Math.Max(VenueWatermark, terms.AccountFillSequence);
        if (IsRepeat(id, terms))
            Repeats.Add($"fill {id} ({terms}) is printed again by the venue: account fill #{terms.AccountFillSequence} had settled",
                id.Value, JournalNames.Position(_venue, sequenceNr));
        else
            Seen(id, terms, sequenceNr, atVenue: true);
    }

    public void SeenAtTrader(FillId id, FillTerms terms, long sequenceNr)
    {
        TraderWatermark = Math.Max(TraderWatermark, terms.AccountFillSequence);
        if (IsRepeat(id, terms))
            Repeats.Add($"fill {id} ({terms}) is applied again by the trader: account fill #{terms.AccountFillSequence} had settled",
                id.Value, JournalNames.Position(_trader, sequenceNr));
        else
            Seen(id, terms, sequenceNr, atVenue: false);
    }

    private bool IsRepeat(FillId id, FillTerms terms) =>
        !_fills.ContainsKey(id) && _retired.Contains(terms.AccountFillSequence);

    private void Seen(FillId id, FillTerms terms, long sequenceNr, bool atVenue)
    {
        if (!_fills.TryGetValue(id, out var fill))
            _fills.Add(id, fill = new Fill(id, new Sightings(), new Sightings()));
        (atVenue ? fill.AtVenue : fill.AtTrader).Add(terms, sequenceNr);
        if (fill.IsSettled)
            _settled.Enqueue(id, terms.AccountFillSequence);
        RetirePassed();
    }

    /// <summary>Retires the settled fills both journals have gone past; one that was disputed since it settled (a
    /// copy came) stays.</summary>
    private void RetirePassed()
    {
        var passed = Math.Min(TraderWatermark, VenueWatermark);
        while (_settled.TryPeek(out var id, out var sequence) && sequence < passed)
        {
            _settled.Dequeue();
            if (!_fills.TryGetValue(id, out var fill) || !fill.IsSettled) continue;
            _fills.Remove(id);
            _retired.Add(sequence);
        }
    }
}
