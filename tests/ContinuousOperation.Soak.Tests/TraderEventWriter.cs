using Akka.Actor;
using Akka.Persistence;
using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Run;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Soak.Tests;

/// <summary>A persistent actor under a trader's persistence id, for tests of the journal as the CLI configures it:
/// persists whatever trader event it is sent and answers "persisted", or "failed: …" with the cause (and then stops,
/// as every persistent actor does when a write fails).</summary>
internal sealed class TraderEventWriter : ReceivePersistentActor
{
    public static readonly Symbol Symbol = new("BTC-USDT");
    public static readonly RunId Run = RunId.New(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero), 42, new Random(1));

    private IActorRef _replyTo = ActorRefs.Nobody;

    public TraderEventWriter()
    {
        Command<ITraderEvent>(e =>
        {
            _replyTo = Sender;
            Persist(e, _ => _replyTo.Tell("persisted"));
        });
    }

    public override string PersistenceId { get; } = JournalNames.Trader(Run, Symbol);

    public static Props Props() => Akka.Actor.Props.Create(() => new TraderEventWriter());

    /// <summary>The first event of the trader's journal.</summary>
    public static AccountOpened Opened() => new(Symbol, AccountId.TraderFor(Symbol), 100_000m);

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        _replyTo.Tell($"failed: {cause.GetBaseException().Message}");
        base.OnPersistFailure(cause, @event, sequenceNr);
    }
}
