using Akka.Actor;
using Akka.Configuration;
using BenchmarkDotNet.Attributes;
using ContinuousOperation.Actors;
using ContinuousOperation.Actors.Exchange;
using ContinuousOperation.Actors.Run;
using ContinuousOperation.Benchmarks.Support;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Benchmarks;

/// <summary>
/// Orders through the real actors: a client sends <see cref="PlaceOrder"/> to the <see cref="ExchangeActor"/> of its symbol, which
/// routes it through the book's back-off supervisor to the <c>OrderBookActor</c>; the book matches, persists the events
/// (<see cref="Journal"/>: Akka's in-memory journal, with no database and no serialization, is the actors' own
/// ceiling; the SQL journals are what a run pays, with the plugin's defaults for how a batch is written or the CLI's
/// tuning, see <see cref="JournalBatchAllocationBenchmarks"/>), replies
/// <see cref="OrderPlaced"/>, pushes fills to the account's owner and publishes market data to the exchange.
/// Buys and sells alternate at one price inside the spread, so every other order rests and the next one fills it against
/// the same account: half the orders print a trade and the book stays the same size. The market does not tick (its
/// cost is <see cref="SymbolVenueBenchmarks"/>), so the time is the order path alone. Reported per order.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class OrderRoundTripBenchmarks
{
    private const int OrdersPerInvoke = 1_000;
    private static readonly Instrument Instrument = SimulatedSymbol.Instrument;

    private const string InMemory = "in-memory";

    private ActorSystem _system = null!;
    private IActorRef _client = null!;
    private BenchmarkJournal? _journal;

    /// <summary>1: a trader's pace, one order at a time. 32: many requests queued at the book at once.</summary>
    [Params(1, 32)]
    public int InFlight { get; set; }

    /// <summary>In memory, or a database and tuning ("SQLite shipped"; PostgreSQL when its server is set).</summary>
    [ParamsSource(nameof(Journals))]
    public string Journal { get; set; } = "";

    public static IEnumerable<string> Journals => BenchmarkJournal.Available
        .SelectMany(database => new[] { BenchmarkJournal.PluginDefaults, BenchmarkJournal.Shipped }.Select(tuning => $"{database} {tuning}"))
        .Prepend(InMemory);

    [GlobalSetup]
    public void Setup()
    {
        var actors = ConfigurationFactory.ParseString("""
            akka.loglevel = WARNING
            akka.actor.default-dispatcher.throughput = 30
            akka.persistence.journal.plugin = "akka.persistence.journal.inmem"
            akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.inmem"
            """);
        if (Journal != InMemory)
        {
            var (database, tuning) = (Journal.Split(' ')[0], Journal.Split(' ')[1]);
            _journal = BenchmarkJournal.Create(database);
            actors = _journal.Config(tuning).WithFallback(actors);
        }

        _system = ActorSystem.Create("round-trip", actors);
        var settings = new ExchangeSettings([Instrument], new MarketSettings(), FeeSchedule.Default, SimulatedSymbol.Seed,
            Speed: 1, TickInterval: TimeSpan.FromHours(1), HeartbeatInterval: TimeSpan.FromSeconds(1), RestartBackoff.Default)
        {
            Run = SimulatedSymbol.Run,
        };
        var exchange = _system.ActorOf(RunTopology.ExchangeEntity(settings, Instrument.Symbol, ActorRefs.Nobody), "exchange");

        // Answered once the book has recovered (from an empty journal) and quoted its first ladder.
        var ticker = exchange.Ask<TickerReply>(new GetTicker(Instrument.Symbol), TimeSpan.FromSeconds(30)).Result.Ticker;
        var price = Instrument.RoundToTick((ticker.BestBid!.Value + ticker.BestAsk!.Value) / 2);
        if (price <= ticker.BestBid || price >= ticker.BestAsk)
            throw new InvalidOperationException($"No price strictly inside the spread {ticker.BestBid}–{ticker.BestAsk}.");

        _client = _system.ActorOf(Props.Create(() => new OrderClient(exchange, price)), "trader");
        // The client owns the account's pushes, as a trader does after its first SyncAccount.
        _client.Ask<AccountSynced>(OrderClient.Register.Instance, TimeSpan.FromSeconds(10)).Wait();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _system.Terminate().Wait();
        _journal?.Dispose();
    }

    [Benchmark(OperationsPerInvoke = OrdersPerInvoke)]
    public Task PlaceOrders()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _client.Tell(new OrderClient.Run(OrdersPerInvoke, InFlight, done));
        return done.Task;
    }

    /// <summary>Keeps <see cref="Run.InFlight"/> orders outstanding until <see cref="Run.Orders"/> are acknowledged.</summary>
    private sealed class OrderClient : ReceiveActor
    {
        private static readonly AccountId Account = AccountId.TraderFor(Instrument.Symbol);
        private static readonly decimal Quantity = 10 * Instrument.LotSize;

        private long _sent;
        private long _target;
        private long _acknowledged;
        private Run? _run;
        private IActorRef _registrar = ActorRefs.Nobody;

        public OrderClient(IActorRef exchange, decimal price)
        {
            // Sent by the client itself, so the book registers the client (not the asker) as the account's owner.
            Receive<Register>(_ =>
            {
                _registrar = Sender;
                exchange.Tell(new SyncAccount(Instrument.Symbol, Account, 0, []));
            });
            Receive<AccountSynced>(synced => _registrar.Tell(synced));
            Receive<Run>(run =>
            {
                _run = run;
                _target = _sent + run.Orders;
                for (var i = 0; i < run.InFlight && _sent < _target; i++) Send(exchange, price);
            });
            Receive<OrderPlaced>(_ =>
            {
                if (++_acknowledged == _target) _run!.Done.SetResult();
                else if (_sent < _target) Send(exchange, price);
            });
            Receive<OrderPlacementRejected>(r => _run?.Done.TrySetException(new InvalidOperationException(r.Reason)));
            ReceiveAny(_ => { }); // fill pushes and account heartbeats: a trader would persist them, here they are only received
        }

        private void Send(IActorRef exchange, decimal price)
        {
            var id = ++_sent;
            var side = id % 2 == 1 ? Side.Buy : Side.Sell;
            exchange.Tell(new PlaceOrder(Instrument.Symbol,
                new OrderRequest(Account, new ClientOrderId($"o-{id}"), side, OrderType.Limit, price, Quantity)));
        }

        public sealed record Register
        {
            public static readonly Register Instance = new();
        }

        public sealed record Run(int Orders, int InFlight, TaskCompletionSource Done);
    }
}
