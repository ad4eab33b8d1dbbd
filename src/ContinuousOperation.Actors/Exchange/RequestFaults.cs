using ContinuousOperation.Domain.Faults;

namespace ContinuousOperation.Actors.Exchange;

/// <summary>Request faults armed on one symbol: how many requests are still to fail, and how.</summary>
internal sealed class RequestFaults
{
    private readonly Queue<(int FaultId, FaultKind Kind)> pending = new();
    private int? lastTaken;

    public void Arm(int faultId, FaultKind kind, int count)
    {
        for (var i = 0; i < count; i++) pending.Enqueue((faultId, kind));
    }

    /// <summary>The fault the next request suffers, if any, and whether it is the first request of that fault — the
    /// moment the fault takes effect: errors of the requests it breaks start there.</summary>
    public (int FaultId, FaultKind Kind, bool First)? Take()
    {
        if (!pending.TryDequeue(out var next)) return null;
        var first = lastTaken != next.FaultId;
        lastTaken = next.FaultId;
        return (next.FaultId, next.Kind, first);
    }
}
