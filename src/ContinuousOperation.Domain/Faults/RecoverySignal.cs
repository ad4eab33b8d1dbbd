using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Faults;

public enum EntityKind
{
    Trader,
    OrderBook,
}

/// <summary>Something the system did that may end a fault. The system publishes these as it recovers on its own;
/// the fault ledger decides which fault, if any, each one ends.</summary>
public abstract record RecoverySignal(DateTimeOffset At);

/// <summary>A persistent entity is running again after a (re)start: a book has replayed its journal, a trader has
/// replayed its journal and synced its account with the venue.</summary>
public sealed record EntityRecovered(EntityKind Entity, Symbol Symbol, DateTimeOffset At) : RecoverySignal(At);

/// <summary>A persistent entity stopped because its journal write failed; the back-off supervisor will start it again.</summary>
public sealed record EntityStopped(EntityKind Entity, Symbol Symbol, DateTimeOffset At) : RecoverySignal(At);

/// <summary>A trader trusts a stream again: a fresh market-data baseline after a resync or reconnect; on the account
/// channel, a completed sync (which applies every fill lost up to when it was requested, <paramref name="RequestedAt"/>)
/// or a heartbeat confirming the trader holds every fill the venue made for it.</summary>
public sealed record StreamRestored(Symbol Symbol, StreamChannel Channel, DateTimeOffset At, DateTimeOffset? RequestedAt = null)
    : RecoverySignal(At);

/// <summary>A trader recognised a repeated message and ignored it.</summary>
public sealed record DuplicateIgnored(Symbol Symbol, StreamChannel Channel, DateTimeOffset At) : RecoverySignal(At);

/// <summary>The last request an injected request fault was armed for has been broken: requests are served and answered
/// again from now on.</summary>
public sealed record RequestFaultSpent(int FaultId, DateTimeOffset At) : RecoverySignal(At);

/// <summary>The injected database outage is over: the database accepts writes again.</summary>
public sealed record OutageEnded(int FaultId, DateTimeOffset At) : RecoverySignal(At);
