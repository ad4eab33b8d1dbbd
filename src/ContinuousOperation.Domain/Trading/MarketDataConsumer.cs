namespace ContinuousOperation.Domain.Trading;

/// <summary>What the consumer of a market-data stream must do next.</summary>
public enum StreamAction
{
    None,

    /// <summary>Updates were missed (a sequence jump): ask for a fresh snapshot.</summary>
    Resync,

    /// <summary>The stream went silent (no update or heartbeat): drop it and subscribe again.</summary>
    Reconnect,
}

/// <summary>
/// The client side of a sequenced market-data stream, as a plain state machine: it tracks the last sequence applied,
/// detects gaps (resync), duplicates (ignored) and silence (reconnect). Time is passed in, so it is testable as is.
/// </summary>
public sealed class MarketDataConsumer(TimeSpan silenceTimeout)
{
    private DateTime lastHeardAt = DateTime.MinValue;

    public long Sequence { get; private set; }

    /// <summary>True until a snapshot (or, equivalently, a full update) has been taken as the new baseline.</summary>
    public bool AwaitingSnapshot { get; private set; } = true;

    public void Connected(DateTime now)
    {
        AwaitingSnapshot = true;
        lastHeardAt = now;
    }

    /// <summary>A snapshot resets the baseline, whatever came before.</summary>
    public void OnSnapshot(long sequence, DateTime now)
    {
        Sequence = sequence;
        AwaitingSnapshot = false;
        lastHeardAt = now;
    }

    /// <summary>Returns whether the update should be applied, and what to do about the stream.</summary>
    public (bool Apply, StreamAction Action) OnUpdate(long sequence, DateTime now)
    {
        lastHeardAt = now;
        if (AwaitingSnapshot)
        {
            // Every update carries full ticker and depth, so the first one after (re)subscribing is a valid baseline.
            OnSnapshot(sequence, now);
            return (true, StreamAction.None);
        }

        if (sequence <= Sequence) return (false, StreamAction.None);
        if (sequence == Sequence + 1)
        {
            Sequence = sequence;
            return (true, StreamAction.None);
        }

        AwaitingSnapshot = true;
        return (false, StreamAction.Resync);
    }

    public StreamAction OnHeartbeat(long sequence, DateTime now)
    {
        lastHeardAt = now;
        if (AwaitingSnapshot || sequence <= Sequence) return StreamAction.None;
        AwaitingSnapshot = true;
        return StreamAction.Resync;
    }

    /// <summary>Called periodically; a stream silent for longer than the timeout must be reconnected.</summary>
    public StreamAction OnTimer(DateTime now)
    {
        if (now - lastHeardAt <= silenceTimeout) return StreamAction.None;
        Connected(now);
        return StreamAction.Reconnect;
    }

    /// <summary>True when the last thing heard is older than half the silence timeout: the view may be out of date.</summary>
    public bool IsStale(DateTime now) => AwaitingSnapshot || now - lastHeardAt > silenceTimeout / 2;
}
