using ContinuousOperation.Domain.Faults;

namespace ContinuousOperation.Actors.Exchange;

/// <summary>Request faults armed on one symbol: how many requests are still to fail, and how.</summary>
internal sealed class RequestFaults
{
    private readonly Queue<(int FaultId, FaultKind Kind)> pending = new();

    public void Arm(int faultId, FaultKind kind, int count)
    {
        for (var i = 0; i < count; i++) pending.Enqueue((faultId, kind));
    }

    /// <summary>The fault the next request suffers, if any, and whether it was the last request of that fault.</summary>
    public (int FaultId, FaultKind Kind, bool Last)? Take()
    {
        if (!pending.TryDequeue(out var next)) return null;
        var last = !pending.TryPeek(out var following) || following.FaultId != next.FaultId;
        return (next.FaultId, next.Kind, last);
    }
}
