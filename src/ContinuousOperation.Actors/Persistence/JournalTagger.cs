using Akka.Persistence.Journal;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Actors.Persistence;

/// <summary>
/// Tags journal events by kind so the read side can query them across persistence ids
/// (<c>orders</c>, <c>positions</c>, <c>exchange</c>). The trader writes orders and positions in one journal so that a
/// fill and the position change it causes are persisted atomically; the tags keep the two kinds separable.
/// </summary>
public sealed class JournalTagger : IWriteEventAdapter
{
    public const string Orders = "orders";
    public const string Positions = "positions";
    public const string Exchange = "exchange";

    public string Manifest(object evt) => string.Empty;

    public object ToJournal(object evt) => evt switch
    {
        PositionChanged => new Tagged(evt, [Positions]),
        ITraderEvent => new Tagged(evt, [Orders]),
        IExchangeEvent => new Tagged(evt, [Exchange]),
        _ => evt,
    };
}
