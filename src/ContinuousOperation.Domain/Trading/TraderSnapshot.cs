using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Trading;

/// <summary>A <see cref="TraderState"/> at one journal position, for the snapshot store: restoring it and applying the
/// events after it gives the state a full replay gives. The trader's decisions are re-seeded from the journal length,
/// so no random state is carried.</summary>
public sealed record TraderSnapshot(
    Symbol Symbol,
    bool IsOpened,
    bool IsStopped,
    decimal Cash,
    Position Position,
    long LastFillSequence,
    long OrdersSubmitted,
    IReadOnlyList<TrackedOrder> LiveOrders);
