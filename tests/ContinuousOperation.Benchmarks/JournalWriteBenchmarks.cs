using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence;
using Akka.Persistence.Sql;
using BenchmarkDotNet.Attributes;
using ContinuousOperation.Actors.Persistence;
using ContinuousOperation.Benchmarks.Support;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Primitives;
using Microsoft.Data.Sqlite;

namespace ContinuousOperation.Benchmarks;

/// <summary>
/// What the venue journal costs on disk and in time: <see cref="Ticks"/> ticks of a seeded venue at <c>--speed 48</c>
/// (4.8 simulated seconds per 100 ms tick), each persisted with <c>PersistAll</c> as <c>OrderBookActor</c> does, through
/// Akka.Persistence.Sql into a fresh SQLite file in WAL mode (synchronous FULL: the CLI's NORMAL needs its connection
/// interceptor) with the project's tagger and the chosen serializer. One operation is the whole run of ticks; each
/// iteration prints the trades, the rows written per trade and the database's bytes per trade (file plus WAL, after a
/// checkpoint).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class JournalWriteBenchmarks
{
    private const int Ticks = 200;
    private static readonly TimeSpan TickStep = TimeSpan.FromSeconds(4.8);

    private IReadOnlyList<IExchangeEvent>[] _ticks = [];
    private int _trades;
    private int _rows;
    private string _database = "";
    private ActorSystem _system = null!;
    private IActorRef _writer = ActorRefs.Nobody;

    /// <summary>The serializer bound to journal events: the binary one the CLI writes with, or the JSON one of older journals.</summary>
    [Params(nameof(BinaryJournalSerializer), nameof(JournalEventSerializer))]
    public string Serializer { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var venue = new SymbolVenue(SimulatedSymbol.Instrument, new MarketSettings(), FeeSchedule.Default, SimulatedSymbol.Seed);
        _ticks = Enumerable.Range(0, Ticks).Select(_ => venue.Advance(TickStep)).ToArray();
        _trades = (int)venue.LastTradeId;
        _rows = _ticks.Sum(t => t.Count);
    }

    [IterationSetup]
    public void StartJournal()
    {
        _database = Path.Combine(Path.GetTempPath(), $"journal-write-{Guid.NewGuid():N}.db");
        using (var connection = new SqliteConnection($"Data Source={_database};Pooling=False"))
        {
            connection.Open();
            using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            wal.ExecuteNonQuery();
        }

        _system = ActorSystem.Create("journal-write", Config(_database, Serializer));
        _writer = _system.ActorOf(Props.Create(() => new TickWriter()));
        // The first write creates the tables; it is not part of what is measured.
        _writer.Ask<Written>(new WriteTicks([[]]), TimeSpan.FromMinutes(1)).Wait();
    }

    [Benchmark]
    public object PersistTicks() => _writer.Ask<Written>(new WriteTicks(_ticks), TimeSpan.FromMinutes(5)).Result;

    [IterationCleanup]
    public void MeasureAndStop()
    {
        _system.Terminate().Wait();
        SqliteConnection.ClearAllPools();
        using (var connection = new SqliteConnection($"Data Source={_database};Pooling=False"))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            checkpoint.ExecuteNonQuery();
        }

        var bytes = new[] { "", "-wal" }.Select(s => _database + s).Where(File.Exists).Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"// {_trades} trades in {_rows} rows ({(double)_rows / _trades:F3} rows/trade), " +
                          $"{bytes:N0} bytes on disk ({(double)bytes / _trades:F1} bytes/trade)");
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_database + suffix);
    }

    private sealed record WriteTicks(IReadOnlyList<IReadOnlyList<IExchangeEvent>> Ticks);

    private sealed record Written;

    /// <summary>Persists each tick's events as one batch, and answers once the last is in the journal.</summary>
    private sealed class TickWriter : ReceivePersistentActor
    {
        public TickWriter()
        {
            Command<WriteTicks>(write =>
            {
                var replyTo = Sender;
                var pending = write.Ticks.Where(t => t.Count > 0).ToArray();
                if (pending.Length == 0)
                {
                    DeferAsync(new Written(), w => replyTo.Tell(w));
                    return;
                }

                var last = pending[^1][^1];
                foreach (var tick in pending)
                    PersistAll(tick, e => { if (ReferenceEquals(e, last)) replyTo.Tell(new Written()); });
            });
        }

        public override string PersistenceId => "exchange-BTC-USDT@benchmark";
    }

    private static Config Config(string database, string serializer) => ConfigurationFactory.ParseString($$"""
        akka.loglevel = WARNING
        akka.persistence.journal {
          plugin = "akka.persistence.journal.sql"
          sql {
            provider-name = "SQLite.MS"
            connection-string = "Data Source={{database}}"
            auto-initialize = on
            parallelism = 1
            event-adapters.tagger = "ContinuousOperation.Actors.Persistence.JournalTagger, ContinuousOperation.Actors"
            event-adapter-bindings {
              "ContinuousOperation.Domain.Primitives.IJournalEvent, ContinuousOperation.Domain" = tagger
            }
          }
        }
        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.inmem"
        akka.actor {
          serializers.journal = "ContinuousOperation.Actors.Persistence.{{serializer}}, ContinuousOperation.Actors"
          serialization-bindings {
            "ContinuousOperation.Domain.Primitives.IJournalEvent, ContinuousOperation.Domain" = journal
          }
        }
        """).WithFallback(SqlPersistence.DefaultConfiguration);
}
