using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Run;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Domain.Consistency;

/// <summary>
/// Reads the two journals of one symbol, each in sequence order (the two may interleave in any way), and keeps only
/// what the invariants need: the paper trader's open and unsettled orders and fills, a summary of those settled (runs
/// of retired order numbers and account fill sequences, the journals' fill watermarks), and per-account sums of all
/// other trades. Memory therefore follows the open orders and how far one journal is read ahead of the other
/// (<see cref="VenueLagsTrader"/>), not the length of the run. <see cref="Check"/> runs every rule;
/// <see cref="Journals"/> counts and digests what was read.
/// </summary>
public sealed class SymbolJournalFold
{
    private readonly AccountId _trader;
    private readonly SequenceTracker _traderSequence;
    private readonly SequenceTracker _venueSequence;
    private readonly RetiredOrders _retiredOrders;
    private readonly OrderLedger _traderOrders;
    private readonly OrderLedger _venueOrders;
    private readonly PriorityQueue<ClientOrderId, long> _settledOrders = new();
    private readonly FillLedger _fills;
    private readonly PositionReplay _positions;
    private readonly VenueBalances _balances = new();
    private BookClosed? _closing;

    public SymbolJournalFold(RunId run, Symbol symbol)
    {
        Symbol = symbol;
        _trader = AccountId.TraderFor(symbol);
        var (trader, venue) = (JournalNames.Trader(run, symbol), JournalNames.Exchange(run, symbol));
        (_traderSequence, _venueSequence) = (new SequenceTracker(trader), new SequenceTracker(venue));
        _retiredOrders = new RetiredOrders(symbol);
        (_traderOrders, _venueOrders) = (new OrderLedger(trader, _retiredOrders), new OrderLedger(venue, _retiredOrders));
        _fills = new FillLedger(trader, venue);
        _positions = new PositionReplay(trader);
    }

    public Symbol Symbol { get; }

    public long TraderEventsRead => _traderSequence.EventsRead;

    public long ExchangeEventsRead => _venueSequence.EventsRead;

    /// <summary>What the fold holds one by one: orders (either journal's ledger), fills, those settled and waiting to
    /// be retired, and runs of retired numbers. It follows the open orders, not the events read.</summary>
    public int RetainedEntries =>
        _traderOrders.Count + _venueOrders.Count + _settledOrders.Count + _retiredOrders.Runs + _fills.Retained;

    /// <summary>The trader applied a fill that the venue journal has not been read up to: read the venue journal next.
    /// A reader that always reads on in the journal that lags keeps what waits for its other half to about one read's
    /// worth; reading one journal whole before the other would hold every order and fill of the run.</summary>
    public bool VenueLagsTrader => _fills.VenueWatermark < _fills.TraderWatermark;

    /// <summary>The trader journal's tally, then the venue journal's.</summary>
    public IReadOnlyList<JournalTally> Journals => [_traderSequence.Tally(), _venueSequence.Tally()];

    /// <param name="serialized">The event's bytes as stored, for the journal's digest.</param>
    public void AddTraderEvent(long sequenceNr, ITraderEvent e, ReadOnlySpan<byte> serialized)
    {
        _traderSequence.Observe(sequenceNr, serialized);
        switch (e)
        {
            case AccountOpened opened:
                _positions.AccountOpened(opened, sequenceNr);
                break;
            case OrderSubmitted submitted:
                _traderOrders.Open(submitted.ClientOrderId, submitted.Quantity, sequenceNr);
                break;
            case OrderAcknowledged acknowledged:
                _traderOrders.Acknowledge(acknowledged.ClientOrderId, sequenceNr);
                break;
            case OrderRejected rejected:
                _traderOrders.Reject(rejected.ClientOrderId, sequenceNr);
                break;
            case OrderCancelled cancelled:
                _traderOrders.Cancel(cancelled.ClientOrderId, cancelled.RemainingQuantity, sequenceNr);
                Settle(cancelled.ClientOrderId);
                break;
            case FillApplied fill:
                _traderOrders.Fill(fill.ClientOrderId, fill.Quantity, fill.AccountFillSequence, sequenceNr);
                _fills.SeenAtTrader(fill.FillId,
                    new FillTerms(fill.ClientOrderId, fill.Side, fill.Price, fill.Quantity, fill.Fee, fill.AccountFillSequence),
                    sequenceNr);
                _positions.FillApplied(fill, sequenceNr);
                Settle(fill.ClientOrderId);
                break;
            case PositionChanged changed:
                _positions.PositionChanged(changed, sequenceNr);
                break;
        }
    }

    /// <param name="serialized">The event's bytes as stored, for the journal's digest.</param>
    public void AddExchangeEvent(long sequenceNr, IExchangeEvent e, ReadOnlySpan<byte> serialized)
    {
        _venueSequence.Observe(sequenceNr, serialized);
        // Only a BookClosed that ends the journal proves the drain finished.
        _closing = e as BookClosed;
        switch (e)
        {
            case ExchangeOrderAccepted accepted when accepted.Account == _trader:
                _venueOrders.Open(accepted.ClientOrderId, accepted.Quantity, sequenceNr);
                _venueOrders.Acknowledge(accepted.ClientOrderId, sequenceNr);
                break;
            case ExchangeOrderCancelled cancelled when cancelled.Account == _trader:
                _venueOrders.Cancel(cancelled.ClientOrderId, cancelled.RemainingQuantity, sequenceNr);
                Settle(cancelled.ClientOrderId);
                break;
            case TradesExecuted batch:
                foreach (var trade in batch.Trades) AddTrade(trade, sequenceNr);
                break;
            case TradeExecuted trade:
                AddTrade(trade, sequenceNr);
                break;
        }
    }

    private void AddTrade(TradeExecuted trade, long sequenceNr)
    {
        _balances.Trade(trade);
        if (trade.LegOf(_trader) is not null)
            AddTraderLegs(trade, sequenceNr);
    }

    /// <param name="drained">Whether the run drained before the journals were read. Before the drain, a venue fill the
    /// trader has not applied yet may still be in flight; the drain-only invariants are the caller's to set aside
    /// (<see cref="InvariantCatalog.IsDrainOnly"/>).</param>
    public IReadOnlyList<Violation> Check(bool drained = true)
    {
        _positions.Complete(); // the journals have been read to their end
        return Violations(drained);
    }

    /// <summary>
    /// The invariants that hold at every instant, judged on journals read up to a consistent cut of a run still going
    /// on: the trader journal read first, then the venue's, so every fill the trader applied is already in what was
    /// read of the venue journal, while a venue fill the trader has not applied yet is in flight and tolerated. A fill
    /// whose position change is not read yet is not judged either: the next round reads it. Reading may go on.
    /// </summary>
    public IReadOnlyList<Violation> CheckAtCut() =>
        Violations(drained: false).Where(v => !InvariantCatalog.IsDrainOnly(v.Invariant)).ToList();

    /// <summary>The sequence number to read on from in each journal: one past the last read.</summary>
    public (long Trader, long Exchange) NextSequenceNrs => (_traderSequence.Last + 1, _venueSequence.Last + 1);

    private IReadOnlyList<Violation> Violations(bool drained) =>
    [
        .. InvariantRules.FillsExactlyOnce(Symbol, _fills, _traderSequence.PersistenceId, _venueSequence.PersistenceId, drained),
        .. InvariantRules.OrderQuantities(Symbol, _traderOrders, _venueOrders),
        .. InvariantRules.NoOrphanedOrders(Symbol, _traderOrders, _venueOrders, _closing, _venueSequence.PersistenceId),
        .. InvariantRules.PositionMatchesFills(Symbol, _positions),
        .. InvariantRules.NoOrphanedPositions(Symbol, _positions),
        .. InvariantRules.CashConserved(Symbol, _positions),
        .. InvariantRules.ContiguousSequence(Symbol, _traderSequence, _venueSequence),
        .. InvariantRules.ExchangeConservation(Symbol, _balances, _closing),
    ];

    /// <summary>Both legs may be the trader's own (its buy met its sell), so each is checked.</summary>
    private void AddTraderLegs(TradeExecuted trade, long sequenceNr)
    {
        foreach (var (leg, side) in new[] { (trade.Buyer, Side.Buy), (trade.Seller, Side.Sell) })
        {
            if (leg.Account != _trader)
                continue;
            _venueOrders.Fill(leg.ClientOrderId, trade.Quantity, leg.AccountFillSequence, sequenceNr);
            _fills.SeenAtVenue(leg.FillId,
                new FillTerms(leg.ClientOrderId, side, trade.Price, trade.Quantity, leg.Fee, leg.AccountFillSequence), sequenceNr);
            Settle(leg.ClientOrderId);
        }
    }

    /// <summary>
    /// After a fill or cancel of <paramref name="id"/>: once both ledgers have it settled, it is retired as soon as
    /// both journals have gone on to a fill after its last one (as <see cref="FillLedger"/> does with fills, so a copy
    /// of its last fill that comes straight after is judged with the order still listed). Then retires every settled
    /// order both journals have gone past; one that changed since it settled stays.
    /// </summary>
    private void Settle(ClientOrderId id)
    {
        if (_retiredOrders.CanRetire(id) && OrderLedger.IsSettled(_traderOrders, _venueOrders, id, out var lastFill))
            _settledOrders.Enqueue(id, lastFill);

        var passed = Math.Min(_fills.TraderWatermark, _fills.VenueWatermark);
        while (_settledOrders.TryPeek(out var settled, out var last) && last < passed)
        {
            _settledOrders.Dequeue();
            if (!OrderLedger.IsSettled(_traderOrders, _venueOrders, settled, out _)) continue;
            _traderOrders.Forget(settled);
            _venueOrders.Forget(settled);
            _retiredOrders.Retire(settled);
        }
    }
}
