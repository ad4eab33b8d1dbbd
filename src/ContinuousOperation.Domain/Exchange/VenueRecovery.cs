using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Exchange;

/// <summary>
/// Rebuilds a <see cref="SymbolVenue"/> from its journal one event at a time, so a restarting book never holds the
/// whole journal in memory: only the ledger the events fold into. Apply every journal event in order, then
/// <see cref="Build"/> once (see <see cref="SymbolVenue.Recover"/> for what the rebuilt venue looks like).
/// </summary>
public sealed class VenueRecovery(Instrument instrument, MarketSettings market, FeeSchedule fees, int seed)
{
    // Null once built: the venue owns the ledger from then on, and a later Apply would change it behind the book's back.
    private ExchangeLedger? _ledger = new();

    /// <summary>Whether the journal holds the run's final <see cref="BookClosed"/>.</summary>
    public bool IsClosed => Ledger.IsClosed;

    /// <summary>Starts from a snapshot instead of an empty ledger: apply only the events after it, then build.</summary>
    public void Restore(VenueSnapshot snapshot) => _ledger = ExchangeLedger.FromSnapshot(snapshot);

    public void Apply(IExchangeEvent e) => Ledger.Apply(e);

    /// <summary>The venue as of the events applied; <paramref name="incarnation"/> re-seeds its randomness, so the same
    /// journal and incarnation replay the same future. With no events applied and incarnation 0 it is a fresh venue.</summary>
    public SymbolVenue Build(int incarnation)
    {
        var ledger = Ledger;
        _ledger = null;
        return new SymbolVenue(instrument, market, fees, seed, incarnation, ledger);
    }

    private ExchangeLedger Ledger => _ledger ?? throw new InvalidOperationException("The venue has already been built.");
}
