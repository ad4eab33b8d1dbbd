using ContinuousOperation.Domain.Faults;

namespace ContinuousOperation.Actors.Exchange;

/// <summary>Request faults armed on one symbol: how many requests are still to fail, and how.</summary>
internal sealed class RequestFaults
{
    private readonly Queue<(int FaultId, FaultKind Kind)> pending = new();
    private readonly HashSet<int> known = [];
    private int? lastTaken;

    /// <summary>Arms a fault once: the injector arms again what its target may have lost in a restart.</summary>
    public void Arm(int faultId, FaultKind kind, int count)
    {
        if (!known.Add(faultId)) return;
        for (var i = 0; i < count; i++) pending.Enqueue((faultId, kind));
    }

    /// <summary>The fault the next request suffers, if any; whether it is the first request of that fault (the moment
    /// the fault takes effect: errors of the requests it breaks start there) and whether it is the last (its effect is
    /// over: only a sync asked for afterwards proves the trader recovered).</summary>
    public (int FaultId, FaultKind Kind, bool First, bool Last)? Take()
    {
        if (!pending.TryDequeue(out var next)) return null;
        var first = lastTaken != next.FaultId;
        var last = !pending.TryPeek(out var following) || following.FaultId != next.FaultId;
        lastTaken = next.FaultId;
        return (next.FaultId, next.Kind, first, last);
    }

    /// <summary>Drops what is still armed (the venue went down) and returns the faults that had begun breaking
    /// requests: their effect is over. One that had broken none never took effect; the injector arms it again.</summary>
    public IReadOnlyList<int> Disarm()
    {
        var faults = pending.Select(p => p.FaultId).Distinct().Where(id => id == lastTaken).ToArray();
        pending.Clear();
        return faults;
    }
}
