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
/// replayed its journal and synced its account with the venue. <paramref name="StartedAt"/> is when this incarnation
/// was created (by default, <paramref name="At"/>): what was sent to the entity before then reached an incarnation that
/// died, or none at all. <paramref name="EventsReplayed"/> counts the journal events replayed after the snapshot the
/// entity started from (all of them without one).</summary>
public sealed record EntityRecovered(
    EntityKind Entity, Symbol Symbol, DateTimeOffset At, DateTimeOffset? StartedAt = null, long EventsReplayed = 0)
    : RecoverySignal(At);

/// <summary>A persistent entity stopped because its journal write failed; the back-off supervisor will start it again.</summary>
public sealed record EntityStopped(EntityKind Entity, Symbol Symbol, DateTimeOffset At) : RecoverySignal(At);

/// <summary>A trader trusts a stream again: a fresh market-data baseline after a resync or reconnect; on the account
/// channel, a completed sync (which applies every fill lost up to when it was requested, <paramref name="RequestedAt"/>)
/// or a heartbeat confirming the trader holds every fill the venue made for it.</summary>
public sealed record StreamRestored(Symbol Symbol, StreamChannel Channel, DateTimeOffset At, DateTimeOffset? RequestedAt = null)
    : RecoverySignal(At);

/// <summary>A trader recognised a repeated message and ignored it.</summary>
public sealed record DuplicateIgnored(Symbol Symbol, StreamChannel Channel, DateTimeOffset At) : RecoverySignal(At);

/// <summary>An armed fault's effect is over, at a moment only the venue knows: the last request a request fault was
/// armed for has been broken, the database lock of an outage was released, or the actor holding the fault (a silenced
/// stream, requests still to break) stopped, taking the fault down with it. A fault whose effect has a planned end
/// (a silence) keeps the earlier of the two.</summary>
public sealed record FaultEffectEnded(int FaultId, DateTimeOffset At) : RecoverySignal(At);
