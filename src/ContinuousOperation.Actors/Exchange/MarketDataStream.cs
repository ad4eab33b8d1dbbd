using Akka.Actor;
using ContinuousOperation.Domain.Faults;

namespace ContinuousOperation.Actors.Exchange;

/// <summary>One symbol's stream: its subscribers, its sequence and the latest state (which doubles as the snapshot
/// a new or resyncing subscriber starts from, since every update carries full ticker and depth), and the faults
/// armed on it.</summary>
internal sealed class MarketDataStream
{
    public HashSet<IActorRef> Subscribers { get; } = [];

    public StreamTamper<MarketDataUpdate> Tamper { get; } = new();

    public MarketDataUpdate? Latest { get; private set; }

    public DateTime LastSentAt { get; private set; } = DateTime.MinValue;

    public long Sequence => Latest?.Sequence ?? 0;

    public MarketDataUpdate Next(BookPublished published, DateTime now)
    {
        Latest = new MarketDataUpdate(published.Symbol, Sequence + 1, published.Ticker, published.Depth, published.Trades);
        LastSentAt = now;
        return Latest;
    }

    public bool IsQuietSince(DateTime cutoff) => LastSentAt < cutoff;

    public void MarkSent(DateTime now) => LastSentAt = now;
}
