using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Faults;

/// <summary>
/// Decides whether an error is explained by an injected fault: it must come from the fault's scope (its symbol's
/// trader, book or stream — or anywhere, for an exchange crash, a database outage or a node fault) while the fault is in effect,
/// recovering, or within <c>grace</c> after it settled (a request that timed out during the fault is reported when its
/// timeout fires, a little later).
/// <para>
/// A fault's announcement and the errors it causes reach the metrics by different actors, so an error can arrive
/// before the window that explains it. An error no window explains yet is therefore held for <c>lead</c>: a window
/// that opens meanwhile explains it if the error came at most <c>lead</c> before the window. Only then is the error
/// final. Critical errors, and a fault's own missed deadline, are never explained and are final at once.
/// </para>
/// </summary>
/// <para>
/// A node fault has a grace of its own, <c>nodeFaultGrace</c> (<c>grace</c> when not given): it is over when its
/// entities run again, but the rebalance that follows the node's return moves shards again, and a request caught in
/// that handoff fails later than any request of a fault on one node.
/// </para>
public sealed class FaultWindows(TimeSpan grace, TimeSpan lead, TimeSpan? nodeFaultGrace = null)
{
    private readonly Dictionary<int, Window> windows = new();
    private readonly List<ErrorRecord> held = [];

    /// <summary>The first opening counts: in a cluster run a fault still in effect is told again to a node that
    /// (re)joined, which must not move the window's start.</summary>
    public void Opened(int faultId, FaultKind kind, Symbol? symbol, DateTimeOffset at) =>
        windows.TryAdd(faultId, new Window(kind.TargetsSymbol() ? symbol : null, at, ClosedAt: null,
            kind.IsNodeFault() ? nodeFaultGrace ?? grace : grace));

    public void Closed(int faultId, DateTimeOffset at)
    {
        if (windows.TryGetValue(faultId, out var window)) windows[faultId] = window with { ClosedAt = at };
    }

    /// <summary>Faults in effect now: opened and not yet closed.</summary>
    public int InEffect => windows.Values.Count(w => w.ClosedAt is null);

    /// <summary>Takes an error to classify; <see cref="Settle"/> gives it back once its classification is final.</summary>
    public void Add(ErrorRecord error) => held.Add(error);

    /// <summary>The errors whose classification is final at <paramref name="now"/>, oldest first: explained ones as
    /// <see cref="ErrorSeverity.Injected"/>, unexplained ones once held for <c>lead</c>.</summary>
    public IReadOnlyList<ErrorRecord> Settle(DateTimeOffset now)
    {
        var final = Release(error => now - error.At >= lead);
        Forget(now);
        return final;
    }

    /// <summary>Every held error, final as it stands now (at the end of a run, when no fault can still announce itself).</summary>
    public IReadOnlyList<ErrorRecord> SettleAll() => Release(_ => true);

    private List<ErrorRecord> Release(Func<ErrorRecord, bool> waitedLongEnough)
    {
        var final = new List<ErrorRecord>();
        foreach (var error in held.ToArray())
        {
            if (Explains(error))
                final.Add(error with { Severity = ErrorSeverity.Injected });
            else if (!Explainable(error) || waitedLongEnough(error))
                final.Add(error);
            else
                continue;
            held.Remove(error);
        }

        return final;
    }

    private static bool Explainable(ErrorRecord error) => error is { Severity: ErrorSeverity.Error, Kind: not ErrorKind.Fault };

    private bool Explains(ErrorRecord error) => Explainable(error) && windows.Values.Any(w => w.Covers(error, lead));

    /// <summary>A window can explain nothing once even the latest possible error of its scope is final.</summary>
    private void Forget(DateTimeOffset now)
    {
        foreach (var (id, _) in windows.Where(w => w.Value.ClosedAt + w.Value.Grace + lead < now).ToArray()) windows.Remove(id);
    }

    private sealed record Window(Symbol? Symbol, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, TimeSpan Grace)
    {
        public bool Covers(ErrorRecord error, TimeSpan lead) =>
            error.At >= OpenedAt - lead
            && (ClosedAt is null || error.At <= ClosedAt + Grace)
            && (Symbol is null || error.Source.Contains(Symbol.Value.Value, StringComparison.Ordinal));
    }
}
