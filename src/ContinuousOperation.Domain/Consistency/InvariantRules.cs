using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Domain.Consistency;

/// <summary>Invariants 1–8 of the design (§4), one pure function each (9 is <see cref="ManifestRules"/>), over what <see cref="SymbolJournalFold"/>
/// gathered from the two journals of a symbol.</summary>
internal static class InvariantRules
{
    /// <param name="drained">False for a run that never drained: the trader applies its fills in account-fill order,
    /// so a venue fill later than every fill it applied may have been in flight when the run stopped.</param>
    public static IEnumerable<Violation> FillsExactlyOnce(Symbol symbol, FillLedger fills, string trader, string venue, bool drained)
    {
        var log = new FindingLog();
        var lastApplied = fills.TraderWatermark;
        foreach (var (id, atVenue, atTrader) in fills.Fills)
        {
            if (atTrader.Count == 0 && !drained && atVenue.Terms.AccountFillSequence > lastApplied)
                continue;
            if (atTrader.Count == 0)
                log.Add($"venue fill {id} ({atVenue.Terms}) is missing from the trader journal",
                    id.Value, JournalNames.Position(venue, atVenue.FirstSequenceNr));
            else if (atVenue.Count == 0)
                log.Add($"trader fill {id} ({atTrader.Terms}) is unknown to the venue",
                    id.Value, JournalNames.Position(trader, atTrader.FirstSequenceNr));
            else
            {
                if (atTrader.Count > 1)
                    log.Add($"fill {id} is applied {atTrader.Count} times by the trader", id.Value,
                        JournalNames.Position(trader, atTrader.FirstSequenceNr), JournalNames.Position(trader, atTrader.LastSequenceNr));
                if (atVenue.Count > 1)
                    log.Add($"fill {id} is printed {atVenue.Count} times by the venue", id.Value,
                        JournalNames.Position(venue, atVenue.FirstSequenceNr), JournalNames.Position(venue, atVenue.LastSequenceNr));
                if (atVenue.Terms != atTrader.Terms)
                    log.Add($"fill {id} differs: venue {atVenue.Terms}, trader {atTrader.Terms}", id.Value,
                        JournalNames.Position(venue, atVenue.FirstSequenceNr), JournalNames.Position(trader, atTrader.FirstSequenceNr));
            }
        }
        return Attribute(Invariant.FillsExactlyOnce, symbol, log, fills.Repeats);
    }

    public static IEnumerable<Violation> OrderQuantities(Symbol symbol, OrderLedger trader, OrderLedger venue) =>
        Attribute(Invariant.OrderQuantities, symbol, trader.Problems, venue.Problems);

    /// <param name="closing">The venue's <see cref="BookClosed"/> if it is the last event of its journal, else null.</param>
    public static IEnumerable<Violation> NoOrphanedOrders(
        Symbol symbol, OrderLedger trader, OrderLedger venue, BookClosed? closing, string venueJournal)
    {
        var log = new FindingLog();
        if (closing is null)
        {
            log.Add($"the venue journal does not end with BookClosed: {symbol} was not drained", venueJournal);
            return Attribute(Invariant.NoOrphanedOrders, symbol, log);
        }

        foreach (var id in trader.LiveOrders.Where(id => !IsLive(venue, id)))
            log.Add($"order {id} is live at the trader ({trader.StatusOf(id)}) but {venue.Describe(id)} at the venue", id.Value);
        foreach (var id in venue.LiveOrders.Where(id => !IsLive(trader, id)))
            log.Add($"order {id} is live at the venue ({venue.StatusOf(id)}) but {trader.Describe(id)} at the trader", id.Value);

        var listedLive = closing.LiveTraderOrders.ToHashSet();
        foreach (var id in closing.LiveTraderOrders.Where(id => !IsLive(venue, id)))
            log.Add($"the venue closes with order {id} live, but its journal has it {venue.Describe(id)}", id.Value);
        foreach (var id in venue.LiveOrders.Where(id => !listedLive.Contains(id)))
            log.Add($"the venue journal has order {id} live, but the venue closes without it", id.Value);
        return Attribute(Invariant.NoOrphanedOrders, symbol, log);
    }

    /// <param name="replay">Completed (<see cref="PositionReplay.Complete"/>), so a last fill without a position change is among its problems.</param>
    public static IEnumerable<Violation> PositionMatchesFills(Symbol symbol, PositionReplay replay) =>
        Attribute(Invariant.PositionMatchesFills, symbol, replay.PositionProblems);

    public static IEnumerable<Violation> NoOrphanedPositions(Symbol symbol, PositionReplay replay)
    {
        var log = new FindingLog();
        var open = replay.PersistedQuantity != 0m ? 1 : 0;
        if (replay.Opened - replay.Closed != open)
            log.Add($"{replay.Opened} positions opened and {replay.Closed} closed, but {open} is open (quantity {replay.PersistedQuantity})",
                replay.PersistenceId);
        return Attribute(Invariant.NoOrphanedPositions, symbol, replay.LifecycleProblems, log);
    }

    public static IEnumerable<Violation> CashConserved(Symbol symbol, PositionReplay replay) =>
        Attribute(Invariant.CashConserved, symbol, replay.CashProblems);

    public static IEnumerable<Violation> ContiguousSequence(Symbol symbol, SequenceTracker trader, SequenceTracker venue) =>
        Attribute(Invariant.ContiguousSequence, symbol, trader.Breaks, venue.Breaks);

    /// <summary>Sums recomputed from trades net to zero by construction (each trade moves one quantity and one notional
    /// between two legs), so what is checked is the venue's own closing statement: that it nets to zero and that every
    /// account in it equals its trades. Without a closing statement there is nothing to compare
    /// (<see cref="NoOrphanedOrders"/> reports that).</summary>
    public static IEnumerable<Violation> ExchangeConservation(Symbol symbol, VenueBalances balances, BookClosed? closing)
    {
        var log = new FindingLog();
        if (closing is null)
            return [];

        var reported = closing.Balances.GroupBy(b => b.Account).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var (account, listed) in reported.Where(r => r.Value.Count > 1))
            log.Add($"the venue closes with {listed.Count} balances for account {account}", account.Value);

        var accounts = reported.Keys.Select(a => a.Value).ToArray();
        var netQuantity = closing.Balances.Sum(b => b.Position);
        if (netQuantity != 0m)
            log.Add($"the venue's closing positions net to {netQuantity}, not zero", accounts);
        var netCash = closing.Balances.Sum(b => b.Cash + b.Fees);
        if (netCash != 0m)
            log.Add($"the venue's closing cash plus fees nets to {netCash}, not zero", accounts);

        foreach (var account in balances.Accounts.Union(reported.Keys))
        {
            var fromTrades = balances.BalanceOf(account);
            var statement = reported.GetValueOrDefault(account)?[0] ?? Zero(account);
            if (statement.Position != fromTrades.Position || statement.Cash != fromTrades.Cash || statement.Fees != fromTrades.Fees)
                log.Add($"account {account} closes at {Describe(statement)}; its trades give {Describe(fromTrades)}", account.Value);
        }
        return Attribute(Invariant.ExchangeConservation, symbol, log);
    }

    private static AccountBalance Zero(AccountId account) => new(account, 0m, 0m, 0m);

    private static string Describe(AccountBalance b) => $"position {b.Position}, cash {b.Cash}, fees {b.Fees}";

    private static bool IsLive(OrderLedger ledger, ClientOrderId id) => ledger.StatusOf(id) is { } status && !status.IsTerminal();

    private static IEnumerable<Violation> Attribute(Invariant invariant, Symbol symbol, params FindingLog[] logs) =>
        logs.SelectMany(l => l.Findings()).Select(f => f.For(invariant, symbol));
}
