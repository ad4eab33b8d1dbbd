using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Faults;

/// <summary>
/// Decides whether an error is explained by an injected fault: it must come from the fault's scope (its symbol's
/// trader, book or stream — or anywhere, for an exchange crash or a database outage) while the fault is in effect,
/// recovering, or within a grace period after it settled (a request that timed out during the fault is reported
/// when its timeout fires, a little later).
/// </summary>
public sealed class FaultWindows(TimeSpan grace)
{
    private readonly Dictionary<int, Window> windows = new();

    public void Opened(int faultId, FaultKind kind, Symbol? symbol, DateTimeOffset at) =>
        windows[faultId] = new Window(kind.TargetsSymbol() ? symbol : null, at, ClosedAt: null);

    public void Closed(int faultId, DateTimeOffset at)
    {
        if (windows.TryGetValue(faultId, out var window)) windows[faultId] = window with { ClosedAt = at };
    }

    /// <summary>Critical errors, and a fault's own missed deadline, are never explained away.</summary>
    public bool Explain(ErrorRecord error)
    {
        Forget(error.At);
        return error is { Severity: ErrorSeverity.Error, Kind: not ErrorKind.Fault } && windows.Values.Any(w => w.Covers(error));
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var (id, _) in windows.Where(w => w.Value.ClosedAt + grace < now).ToArray()) windows.Remove(id);
    }

    private sealed record Window(Symbol? Symbol, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt)
    {
        public bool Covers(ErrorRecord error) =>
            error.At >= OpenedAt && (Symbol is null || error.Source.Contains(Symbol.Value.Value, StringComparison.Ordinal));
    }
}
