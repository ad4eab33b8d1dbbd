namespace ContinuousOperation.Domain.Faults;

/// <summary>
/// Applies stream faults to a sequence of outgoing messages, the way a bad network would: drop the next message,
/// deliver it twice, swap it with the one after, or deliver nothing at all for a while. Faults armed together take
/// effect one after the other. The sender keeps numbering messages as usual, so receivers see real gaps.
/// A fault armed again (its target restarted before it took effect, and the injector cannot know whether this
/// tamper is the one that lost it) is armed once.
/// </summary>
public sealed class StreamTamper<T>
{
    private readonly Queue<(int FaultId, FaultKind Kind)> armed = new();
    private readonly HashSet<int> known = [];
    private (int FaultId, T Message)? held;
    private (int FaultId, DateTimeOffset Until)? silence;

    /// <summary>Arms a fault. A silence starts at once, and so does a disconnect (the holder closes its receivers'
    /// connections): their id is returned as taking effect now.</summary>
    public int? Arm(int faultId, FaultKind kind, TimeSpan duration, DateTimeOffset now)
    {
        if (!known.Add(faultId)) return null;
        if (kind == FaultKind.StreamDisconnect) return faultId;
        if (kind == FaultKind.StreamSilence)
        {
            silence = (faultId, now + duration);
            return faultId;
        }

        if (kind is not (FaultKind.StreamDrop or FaultKind.StreamDuplicate or FaultKind.StreamReorder))
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a message-level stream fault");
        armed.Enqueue((faultId, kind));
        return null;
    }

    public bool IsSilent(DateTimeOffset now) => now < silence?.Until;

    /// <summary>The silence going on now, if any: when the stream's holder stops, the silence ends with it.</summary>
    public int? SilencedBy(DateTimeOffset now) => IsSilent(now) ? silence!.Value.FaultId : null;

    /// <summary>What to deliver now in place of <paramref name="message"/>, and the fault that took effect with it.</summary>
    public (IReadOnlyList<T> Deliver, int? Applied) Pass(T message, DateTimeOffset now)
    {
        if (IsSilent(now)) return ([], null);

        if (held is { } waiting)
        {
            held = null;
            return ([message, waiting.Message], waiting.FaultId);
        }

        if (!armed.TryDequeue(out var fault)) return ([message], null);
        switch (fault.Kind)
        {
            case FaultKind.StreamDrop:
                return ([], fault.FaultId);
            case FaultKind.StreamDuplicate:
                return ([message, message], fault.FaultId);
            default:
                held = (fault.FaultId, message);
                return ([], null);
        }
    }
}
