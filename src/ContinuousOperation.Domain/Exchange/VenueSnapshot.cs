using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Exchange;

/// <summary>
/// The venue's ledger at one journal position, for the snapshot store. It is everything a full replay of the journal up
/// to that position rebuilds: restoring it and replaying the events after it gives the same ledger, and from the same
/// ledger and incarnation <see cref="VenueRecovery.Build"/> builds the same book, price process and random streams
/// (randomness is re-seeded from the journal length, not carried over). Lists are in a canonical order, so two
/// snapshots of equal ledgers are equal element by element.
/// </summary>
public sealed record VenueSnapshot(
    bool IsClosed,
    TimeSpan SimTime,
    long LastTradeId,
    decimal? LastTradePrice,
    long Arrivals,
    IReadOnlyList<AccountBalance> Balances,
    IReadOnlyList<AccountFillSequence> FillSequences,
    IReadOnlyList<SnapshotOrder> LiveOrders,
    IReadOnlyList<SnapshotOrder> TerminalOrders,
    IReadOnlyList<AccountFill> RecentFills);

/// <summary>The last fill sequence given to an account.</summary>
public sealed record AccountFillSequence(AccountId Account, long Sequence);

/// <summary>A paper-trader order the ledger remembers; <see cref="Arrival"/> orders live orders in the book (0 for terminal ones).</summary>
public sealed record SnapshotOrder(AccountId Account, long Arrival, ExchangeOrderStatus Status);
