using Akka.Actor;
using Akka.Event;
using ContinuousOperation.Actors.Exchange;
using ContinuousOperation.Actors.Faults;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Actors.Topology;

/// <summary>
/// The single-node implementation of a symbol seam: one child entity per symbol, made from the props the composition
/// root hands in when the first message for that symbol comes (as a shard region does), and every
/// <see cref="IWithSymbol"/> message forwarded to its symbol's entity (a <see cref="ForSymbol"/> envelope is opened
/// first). In the cluster a shard region plays this part, so the entities cannot tell which they run under. A crash
/// injected into the router itself restarts it, and with it every entity: that is the exchange-wide crash of a
/// single-node run.
/// </summary>
public sealed class SymbolRouter : ReceiveActor
{
    private readonly ILoggingAdapter log = Context.GetLogger();
    private readonly IReadOnlyList<Symbol> symbols;
    private readonly Func<Symbol, Props> entityFor;
    private readonly string entityPrefix;

    /// <summary>Every symbol of the run, with its entity once started: one lookup per message whatever the symbol
    /// count (a message for a symbol outside the run is not a key).</summary>
    private readonly Dictionary<Symbol, IActorRef?> entities;

    public SymbolRouter(IReadOnlyList<Symbol> symbols, Func<Symbol, Props> entityFor, string entityPrefix)
    {
        this.symbols = symbols;
        this.entityFor = entityFor;
        this.entityPrefix = entityPrefix;
        entities = symbols.ToDictionary(symbol => symbol, IActorRef? (_) => null);
        Receive<ForSymbol>(envelope => Route(envelope.Symbol, envelope.Message));
        Receive<IWithSymbol>(message => Route(message.Symbol, message));
        Receive<InjectCrash>(crash => throw crash.TakeEffect(Sender));
    }

    public static Props Props(IReadOnlyList<Symbol> symbols, Func<Symbol, Props> entityFor, string entityPrefix) =>
        Akka.Actor.Props.Create(() => new SymbolRouter(symbols, entityFor, entityPrefix));

    /// <summary>The crash stopped every entity; they all come back at once, not one by one as messages come.</summary>
    protected override void PostRestart(Exception reason)
    {
        foreach (var symbol in symbols) entities[symbol] = Start(symbol);
    }

    private void Route(Symbol symbol, object message)
    {
        if (!entities.TryGetValue(symbol, out var entity))
        {
            log.Warning("{Message} for unknown symbol {Symbol}", message.GetType().Name, symbol);
            return;
        }

        entity ??= entities[symbol] = Start(symbol);
        entity.Forward(message);
    }

    private IActorRef Start(Symbol symbol) => Context.ActorOf(entityFor(symbol), $"{entityPrefix}-{symbol}");
}
