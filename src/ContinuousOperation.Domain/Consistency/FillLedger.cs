using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Consistency;

/// <summary>Every fill of the paper trader, by fill id, as each journal reports it (invariant 1). Only the trader's own
/// fills are kept; trades between other participants never enter here.</summary>
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

    internal sealed record Fill(FillId Id, Sightings AtVenue, Sightings AtTrader);

    private readonly Dictionary<FillId, Fill> _fills = [];

    public IEnumerable<Fill> Fills => _fills.Values;

    public void SeenAtVenue(FillId id, FillTerms terms, long sequenceNr) => FillOf(id).AtVenue.Add(terms, sequenceNr);

    public void SeenAtTrader(FillId id, FillTerms terms, long sequenceNr) => FillOf(id).AtTrader.Add(terms, sequenceNr);

    private Fill FillOf(FillId id)
    {
        if (!_fills.TryGetValue(id, out var fill))
            _fills.Add(id, fill = new Fill(id, new Sightings(), new Sightings()));
        return fill;
    }
}
