namespace ContinuousOperation.Actors.Trading;

/// <summary>
/// The trader's recovery mechanisms, all on in production. A test switches one off — a negative control — to prove
/// that the consistency check catches exactly what that mechanism prevents.
/// </summary>
/// <param name="ResyncOnGap">A fill sequence gap (seen on a push or an account heartbeat), or a cancel ahead of the
/// fills, makes the trader sync its account. Off: the fills after a gap are dropped.</param>
/// <param name="QueryMissedFills">An account sync asks the venue for the fills after the last one applied. Off: a sync
/// only re-registers the channel and resolves order statuses, so fills pushed while the trader was down are lost.</param>
/// <param name="IdempotentRetry">An order call without reply is settled by asking the venue, and an order the venue
/// never received is resent under the same client order id. Off: the order is given up and placed again under a new
/// id, which places it twice if the first one did arrive.</param>
public sealed record RecoveryMechanisms(bool ResyncOnGap = true, bool QueryMissedFills = true, bool IdempotentRetry = true)
{
    public static readonly RecoveryMechanisms All = new();
}
