using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Faults;

/// <summary>
/// The account of every injected fault: when it was injected, when it took effect, and which recovery signal ended
/// it. A signal only ends a fault once the fault's own effect is over (a silent stream cannot "recover" while it is
/// still being silenced), and the deadline runs from that moment.
/// <para>
/// The account depends on when things happened, never on the order in which the news of them arrives: the venue
/// tells that a fault took effect and the system announces its recovery by different routes, so a signal may arrive
/// before the news of the fault it ends. Signals are therefore kept for <c>signalLead</c> and count for a fault that
/// turns out to have taken effect before them.
/// </para>
/// </summary>
public sealed class FaultLedger(IReadOnlyCollection<Symbol> symbols, TimeSpan signalLead)
{
    /// <summary>Far longer than a message takes between two local actors, even through a garbage collection.</summary>
    public static readonly TimeSpan DefaultSignalLead = TimeSpan.FromSeconds(2);

    private readonly List<Entry> entries = [];
    private readonly List<RecoverySignal> recent = [];

    public FaultLedger(IReadOnlyCollection<Symbol> symbols) : this(symbols, DefaultSignalLead)
    {
    }

    /// <summary>Faults in effect or recovering: the run should not drain while there are some (within their deadlines).</summary>
    public bool HasPending => entries.Any(e => e.Outcome == FaultOutcome.Pending);

    public void Injected(ScheduledFault fault, DateTimeOffset at)
    {
        if (fault.Kind.IsNodeFault())
            throw new ArgumentException($"{fault.Kind.Name()} needs the entities its node hosted: use {nameof(NodeFaultInjected)}", nameof(fault));
        entries.Add(new Entry(fault, at));
    }

    /// <summary>A node fault struck the node hosting <paramref name="hosted"/>: it takes effect at once (the process is
    /// killed, paused or told to leave). It is recovered when every one of those entities has announced
    /// <see cref="EntityRecovered"/> since, wherever it now runs; its deadline runs from the strike, not from the end of
    /// its duration: the cluster must carry on without the node (its shards move to the survivors), whether or not it
    /// ever comes back. A node that hosted nothing is recovered as soon as it is hit.</summary>
    public FaultRecord NodeFaultInjected(ScheduledFault fault, DateTimeOffset at, IReadOnlyCollection<HostedEntity> hosted)
    {
        if (!fault.Kind.IsNodeFault()) throw new ArgumentException($"{fault.Kind.Name()} is not a node fault", nameof(fault));
        var entry = new Entry(fault, at) { AppliedAt = at, EffectEndsAt = at };
        entry.EntitiesToRecover.UnionWith(hosted);
        if (entry.EntitiesToRecover.Count == 0) entry.RecoveredAt = at;
        entries.Add(entry);
        foreach (var early in recent.Where(s => s.At >= at).OrderBy(s => s.At))
            if (Observe(entry, early)) break;
        return entry.Record;
    }

    /// <summary>The fault took effect: an actor was crashed, a message was really dropped, the lock was taken.
    /// Returns its record (recovered already if signals that came first prove it), or null when it was already known
    /// to have taken effect (or is unknown).</summary>
    public FaultRecord? Applied(int faultId, DateTimeOffset at)
    {
        var entry = entries.Find(e => e.Fault.Id == faultId);
        if (entry is null || entry.AppliedAt is not null) return null;
        entry.AppliedAt = at;
        // An outage ends when the lock is released, a request fault when its last request is broken: both are told.
        var endIsTold = entry.Fault.Kind == FaultKind.DatabaseOutage || entry.Fault.Kind.IsRequestFault();
        entry.EffectEndsAt = endIsTold ? null : at + entry.Fault.Duration;
        if (entry.Fault.Kind == FaultKind.ExchangeCrash) entry.BooksToRecover.UnionWith(symbols);
        foreach (var early in recent.Where(s => s.At >= at).OrderBy(s => s.At))
            if (Observe(entry, early)) break;
        return entry.Record;
    }

    /// <summary>Lets the signal end the faults it ends, and returns those.</summary>
    public IReadOnlyList<FaultRecord> Observe(RecoverySignal signal)
    {
        recent.Add(signal);
        Forget(signal.At);
        return entries.Where(e => e.IsOpen).Where(e => Observe(e, signal)).Select(e => e.Record).ToArray();
    }

    /// <summary>Faults on the recovered entity's symbol that were injected before its incarnation started and never
    /// took effect: the entity was not running when they came, or lost them when it restarted. They are to be armed
    /// again, now that it is back. Those injected since reached this incarnation, and take effect on their own.</summary>
    public IReadOnlyList<ScheduledFault> ToRearm(EntityRecovered recovered) => entries
        .Where(e => e.AppliedAt is null && e.InjectedAt < (recovered.StartedAt ?? recovered.At)
            && e.Fault.Symbol == recovered.Symbol && HeldBy(e.Fault.Kind) == recovered.Entity)
        .Select(e => e.Fault)
        .ToArray();

    /// <summary>Marks faults whose deadline passed without recovery and returns them (each once).</summary>
    public IReadOnlyList<FaultRecord> TakeMissed(DateTimeOffset now)
    {
        Forget(now);
        var missed = entries
            .Where(e => e.Outcome == FaultOutcome.Pending && e.EffectEndsAt is { } end && now > end + e.Fault.RecoveryDeadline)
            .ToArray();
        foreach (var entry in missed) entry.Missed = true;
        return missed.Select(e => e.Record).ToArray();
    }

    /// <summary>The run is over: faults still pending can no longer recover in time. Returns them, now missed.</summary>
    public IReadOnlyList<FaultRecord> Close()
    {
        var pending = entries.Where(e => e.Outcome == FaultOutcome.Pending).ToArray();
        foreach (var entry in pending) entry.Missed = true;
        return pending.Select(e => e.Record).ToArray();
    }

    public FaultReport Report(string profile) => Summarise(profile, entries.Select(e => e.Record));

    /// <summary>A report of <paramref name="timeline"/>, in fault order, with the totals per kind; also how the
    /// timelines of a resumed run's segments are put together.</summary>
    public static FaultReport Summarise(string profile, IEnumerable<FaultRecord> timeline)
    {
        var ordered = timeline.OrderBy(f => f.Id).ToArray();
        var totals = ordered.GroupBy(f => f.Kind).OrderBy(g => g.Key).Select(Totals).ToArray();
        return new FaultReport(profile, ordered, totals);
    }

    private static FaultTotals Totals(IGrouping<FaultKind, FaultRecord> faults)
    {
        var times = faults.Where(f => f.Outcome == FaultOutcome.Recovered).Select(f => f.TimeToRecover!.Value)
            .Order().ToArray();
        return new FaultTotals(faults.Key,
            Injected: faults.Count(f => f.Outcome != FaultOutcome.NotApplied),
            Recovered: times.Length,
            NotRecovered: faults.Count(f => f.Outcome is FaultOutcome.Missed or FaultOutcome.Pending),
            // Interrupted faults count as injected only: the kill ended them, and the resumed run recovered its actors.
            NotApplied: faults.Count(f => f.Outcome == FaultOutcome.NotApplied),
            MedianTimeToRecover: Median(times),
            MaxTimeToRecover: times.Length == 0 ? null : times[^1]);
    }

    private static TimeSpan? Median(TimeSpan[] sorted) => sorted.Length switch
    {
        0 => null,
        var n when n % 2 == 1 => sorted[n / 2],
        var n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2,
    };

    /// <summary>A crash takes effect in the trader it crashes; every other fault of a symbol is held by the venue
    /// (the book's account channel, or the exchange, whose books restart with it).</summary>
    private static EntityKind HeldBy(FaultKind kind) => kind == FaultKind.TraderCrash ? EntityKind.Trader : EntityKind.OrderBook;

    /// <summary>Signals older than the lead can no longer be ahead of the news of a fault.</summary>
    private void Forget(DateTimeOffset now) => recent.RemoveAll(s => s.At < now - signalLead);

    /// <summary>Lets one signal act on one fault in effect; true when it ended the fault.</summary>
    private static bool Observe(Entry entry, RecoverySignal signal)
    {
        if (signal.At < entry.AppliedAt) return false;
        if (signal is FaultEffectEnded ended && ended.FaultId == entry.Fault.Id)
            entry.EffectEndsAt = entry.EffectEndsAt < ended.At ? entry.EffectEndsAt : ended.At;
        if (entry.Fault.Kind == FaultKind.DatabaseOutage) return ObserveOutage(entry, signal);
        if (entry.Fault.Kind.IsNodeFault()) return ObserveNodeFault(entry, signal);
        if (!(signal.At >= entry.EffectEndsAt && Ends(entry, signal))) return false;
        entry.RecoveredAt = signal.At;
        return true;
    }

    /// <summary>An outage is over when the database accepts writes again and every entity it stopped is running again,
    /// whichever of the two came last (an entity may replay its journal while writes still fail).</summary>
    private static bool ObserveOutage(Entry entry, RecoverySignal signal)
    {
        switch (signal)
        {
            case EntityStopped stopped:
                entry.Stopped.Add((stopped.Entity, stopped.Symbol));
                break;
            case EntityRecovered recovered:
                entry.Stopped.Remove((recovered.Entity, recovered.Symbol));
                break;
        }

        if (entry.EffectEndsAt is not { } end || entry.Stopped.Count > 0) return false;
        entry.RecoveredAt = signal.At > end ? signal.At : end;
        return true;
    }

    /// <summary>A node fault is over when the last entity its node hosted is running again. Unlike the other faults it
    /// need not wait for the end of its effect: shards move to the surviving nodes while the node is still down.</summary>
    private static bool ObserveNodeFault(Entry entry, RecoverySignal signal)
    {
        // Only an incarnation started since the fault proves it: one started before may be the node's own, paused
        // and resumed, which the resolver is about to down.
        if (signal is not EntityRecovered recovered || (recovered.StartedAt ?? recovered.At) < entry.AppliedAt
            || !entry.EntitiesToRecover.Remove(new HostedEntity(recovered.Entity, recovered.Symbol))
            || entry.EntitiesToRecover.Count > 0) return false;
        entry.RecoveredAt = signal.At;
        return true;
    }

    private static bool Ends(Entry entry, RecoverySignal signal)
    {
        var fault = entry.Fault;
        return (fault.Kind, signal) switch
        {
            (FaultKind.TraderCrash, EntityRecovered { Entity: EntityKind.Trader } r) => r.Symbol == fault.Symbol,
            (FaultKind.OrderBookCrash, EntityRecovered { Entity: EntityKind.OrderBook } r) => r.Symbol == fault.Symbol,
            (FaultKind.ExchangeCrash, EntityRecovered { Entity: EntityKind.OrderBook } r) =>
                entry.BooksToRecover.Remove(r.Symbol) && entry.BooksToRecover.Count == 0,
            (_, StreamRestored { Channel: StreamChannel.Account } r) when fault.Kind.IsRequestFault() =>
                r.Symbol == fault.Symbol && SyncedSinceEffect(entry, r),
            (FaultKind.StreamDuplicate, DuplicateIgnored d) => d.Symbol == fault.Symbol && d.Channel == fault.Channel,
            (_, StreamRestored r) when fault.Kind.IsStreamFault() =>
                r.Symbol == fault.Symbol && r.Channel == fault.Channel
                && (r.Channel == StreamChannel.MarketData || SyncedSinceEffect(entry, r)),
            _ => false,
        };
    }

    /// <summary>An account sync only proves recovery if it was asked for after the fault's effect: one already on its
    /// way may have been answered before the lost fill was even sent.</summary>
    private static bool SyncedSinceEffect(Entry entry, StreamRestored restored) => restored.RequestedAt >= entry.EffectEndsAt;

    private sealed class Entry(ScheduledFault fault, DateTimeOffset injectedAt)
    {
        public ScheduledFault Fault { get; } = fault;
        public DateTimeOffset InjectedAt { get; } = injectedAt;
        public DateTimeOffset? AppliedAt { get; set; }
        public DateTimeOffset? EffectEndsAt { get; set; }
        public DateTimeOffset? RecoveredAt { get; set; }
        public bool Missed { get; set; }
        public HashSet<Symbol> BooksToRecover { get; } = [];
        public HashSet<(EntityKind, Symbol)> Stopped { get; } = [];
        public HashSet<HostedEntity> EntitiesToRecover { get; } = [];

        /// <summary>In effect and not yet recovered: signals can still end it (a missed fault records its late recovery).</summary>
        public bool IsOpen => AppliedAt is not null && RecoveredAt is null;

        public FaultOutcome Outcome =>
            Missed ? FaultOutcome.Missed
            : RecoveredAt is not null ? FaultOutcome.Recovered
            : AppliedAt is null ? FaultOutcome.NotApplied
            : FaultOutcome.Pending;

        public FaultRecord Record => new(Fault.Id, Fault.Kind, Fault.Target, Fault.At, InjectedAt, AppliedAt, RecoveredAt,
            Fault.RecoveryDeadline, Outcome);
    }
}
