using Akka.Actor;
using Akka.TestKit.Xunit2;
using ContinuousOperation.Actors.Exchange;
using ContinuousOperation.Actors.Faults;
using ContinuousOperation.Actors.Topology;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Actors.Tests.Topology;

public sealed class SymbolRouterTests : TestKit
{
    private static readonly IReadOnlyList<Symbol> ThousandSymbols =
        InstrumentCatalog.First(InstrumentCatalog.MaxCount).Select(i => i.Symbol).ToArray();

    private sealed record Ping(Symbol Symbol) : IWithSymbol;

    /// <summary>An entity that tells the test which symbol it serves and which incarnation of itself answered.</summary>
    private sealed class Entity : ReceiveActor
    {
        public Entity(Symbol symbol, IActorRef started)
        {
            started.Tell(("started", symbol));
            Receive<Ping>(ping => Sender.Tell(("pong", ping.Symbol, symbol)));
        }
    }

    private IActorRef Router(IReadOnlyList<Symbol> symbols)
    {
        var started = TestActor;
        return Sys.ActorOf(SymbolRouter.Props(symbols, symbol => Props.Create(() => new Entity(symbol, started)), "entity"));
    }

    [Fact]
    public void A_message_reaches_its_own_symbols_entity_among_a_thousand_started_on_first_use()
    {
        var router = Router(ThousandSymbols);
        var last = ThousandSymbols[^1];

        router.Tell(new Ping(last));

        Assert.Equal(("started", last), ExpectMsg<(string, Symbol)>());
        Assert.Equal(("pong", last, last), ExpectMsg<(string, Symbol, Symbol)>());
        router.Tell(new ForSymbol(last, new Ping(last)));
        Assert.Equal(("pong", last, last), ExpectMsg<(string, Symbol, Symbol)>()); // the same entity: no second start
    }

    [Fact]
    public void A_message_for_a_symbol_outside_the_run_starts_nothing_and_is_logged()
    {
        var router = Router(ThousandSymbols.Take(3).ToArray());

        EventFilter.Warning(contains: "unknown symbol SIM0011-USDT").ExpectOne(() => router.Tell(new Ping(new Symbol("SIM0011-USDT"))));

        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void A_crash_of_the_router_brings_every_entity_back_at_once()
    {
        var symbols = ThousandSymbols.Take(3).ToArray();
        var router = Router(symbols);
        router.Tell(new Ping(symbols[0]));
        ExpectMsg<(string, Symbol)>();
        ExpectMsg<(string, Symbol, Symbol)>();

        router.Tell(new InjectCrash(FaultId: 1));

        ExpectMsg<FaultApplied>();
        var restarted = new[] { ExpectMsg<(string, Symbol)>(), ExpectMsg<(string, Symbol)>(), ExpectMsg<(string, Symbol)>() };
        Assert.Equal(symbols.ToHashSet(), restarted.Select(s => s.Item2).ToHashSet());
    }
}
