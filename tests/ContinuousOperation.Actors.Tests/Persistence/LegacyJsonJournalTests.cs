using Akka.Actor;
using Akka.Configuration;
using ContinuousOperation.Actors.Consistency;
using ContinuousOperation.Actors.Persistence;
using ContinuousOperation.Actors.Tests.Consistency;
using ContinuousOperation.Actors.Tests.Support;
using ContinuousOperation.Actors.Exchange;
using ContinuousOperation.Actors.Tests.Trading;
using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Run;
using Microsoft.Data.Sqlite;

namespace ContinuousOperation.Actors.Tests.Persistence;

/// <summary>Journals written as JSON (serializer 7301), as every build before the binary format wrote them, read by
/// this build: they reconcile, digests included, and a book replays one and goes on writing binary rows after it; and a
/// binary row of a schema version this build does not know is
/// refused with a message naming it.</summary>
public sealed class LegacyJsonJournalTests : SqliteTestKit
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(30);
    private static readonly Instrument Btc = InstrumentCatalog.For(new Symbol("BTC-USDT"));
    private static readonly AccountId Trader = AccountId.TraderFor(Btc.Symbol);
    private static readonly MarketSettings Market = new(MarketCondition.Ranging);
    private const int Seed = 42;

    [Fact]
    public async Task A_journal_written_as_json_reconciles_against_the_tallies_it_closed_with()
    {
        var closedWith = await WriteAndReconcileAsJson();
        Assert.True(closedWith.IsValid, BtcJournalsDescription(closedWith));
        Assert.Equal([JournalEventSerializer.Id], await SerializerIds());

        var consistency = Sys.ActorOf(ConsistencyActor.Props(TempSqliteJournal.ReadJournalPluginId));
        var report = await consistency.Ask<ConsistencyReport>(
            new Reconcile(JournalExpectation.Closed(TestRun.Id, [BtcJournals.Symbol], closedWith.Journals)), ReadTimeout);

        Assert.True(report.IsValid, BtcJournalsDescription(report));
        Assert.Equal(closedWith.Journals, report.Journals);
    }

    [Fact]
    public async Task A_book_replays_a_journal_written_as_json_a_row_per_trade_and_goes_on_in_binary()
    {
        var persistenceId = JournalNames.Exchange(TestRun.Id, Btc.Symbol);
        var older = OlderBuild();
        try
        {
            await TestJournal.WriteAsync(older, persistenceId, OldStyleJournal().ToArray());
        }
        finally
        {
            await older.Terminate();
        }

        var recoveries = CreateTestProbe();
        Sys.EventStream.Subscribe(recoveries.Ref, typeof(EntityRecovered));
        var book = StartBook();
        Assert.Equal(OldStyleJournal().Count(), recoveries.ExpectMsg<EntityRecovered>().EventsReplayed);
        book.Tell(new PlaceOrder(Btc.Symbol, new OrderRequest(Trader, new ClientOrderId("after"), Side.Buy, OrderType.Limit, 1_000m, 0.01m)));
        ExpectMsg<OrderPlaced>();
        Watch(book);
        Sys.Stop(book);
        ExpectTerminated(book);

        var restarted = StartBook();
        Assert.Equal(OldStyleJournal().Count() + 1, recoveries.ExpectMsg<EntityRecovered>().EventsReplayed);
        Assert.Equal([JournalEventSerializer.Id, BinaryJournalSerializer.Id], (await SerializerIds()).Order());
        var journal = (await JournalReader.EventsOf(Sys, persistenceId)).OfType<IExchangeEvent>().ToList();
        restarted.Tell(new SyncAccount(Btc.Symbol, Trader, AfterFillSequence: 0, []));
        var synced = ExpectMsg<AccountSynced>();
        Assert.True(synced.MissedFills.Count >= 5, $"only {synced.MissedFills.Count} fills");
        Assert.Equal(SymbolVenue.Recover(Btc, Market, FeeSchedule.Default, Seed, 0, journal).FillsSince(Trader, 0), synced.MissedFills);
    }

    [Fact]
    public async Task A_row_of_an_unknown_binary_schema_version_fails_reconciliation_naming_the_version()
    {
        await TestJournal.WriteAsync(Sys, JournalNames.Trader(TestRun.Id, BtcJournals.Symbol), BtcJournals.TraderJournal());
        await TestJournal.WriteAsync(Sys, JournalNames.Exchange(TestRun.Id, BtcJournals.Symbol), BtcJournals.ExchangeJournal());
        Assert.Equal([BinaryJournalSerializer.Id], await SerializerIds());
        await SetSchemaVersionAsync(JournalNames.Exchange(TestRun.Id, BtcJournals.Symbol), sequenceNr: 2, version: 7);

        Sys.ActorOf(ConsistencyActor.Props(TempSqliteJournal.ReadJournalPluginId)).Tell(TestRun.Reconcile(BtcJournals.Symbol), TestActor);

        var failure = ExpectMsg<ReconciliationFailed>(ReadTimeout);
        Assert.Contains("binary schema version 7; this build reads version 1", failure.Reason);
    }

    /// <summary>Five simulated minutes of a venue whose paper trader buys and sells at market, one trade per event as
    /// journals were written before batching.</summary>
    private static IEnumerable<IJournalEvent> OldStyleJournal()
    {
        var venue = new SymbolVenue(Btc, Market, FeeSchedule.Default, Seed);
        var events = new List<IExchangeEvent>();
        for (var second = 1; second <= 300; second++)
        {
            events.AddRange(venue.Advance(TimeSpan.FromSeconds(1)));
            if (second % 20 == 0)
                events.AddRange(venue.Place(new OrderRequest(Trader, new ClientOrderId($"m-{second}"),
                    second % 40 == 0 ? Side.Buy : Side.Sell, OrderType.Market, null, 0.01m)).Events);
        }

        return events.SelectMany(e => e is TradesExecuted batch ? batch.Trades.Cast<IJournalEvent>() : [e]);
    }

    /// <summary>A book that never ticks (one tick an hour): every journal event is the test's.</summary>
    private IActorRef StartBook() => Sys.ActorOf(OrderBookActor.Props(
        new BookSettings(Btc, Market, FeeSchedule.Default, Seed, Speed: 1, TickInterval: TimeSpan.FromHours(1)) { Run = TestRun.Id },
        CreateTestProbe().Ref, CreateTestProbe().Ref));

    /// <summary>An actor system on the same journal, bound to the JSON serializer as builds before the binary one were.</summary>
    private ActorSystem OlderBuild() => ActorSystem.Create("older-build", ConfigurationFactory.ParseString("""
        akka.actor.serialization-bindings {
          "ContinuousOperation.Domain.Primitives.IJournalEvent, ContinuousOperation.Domain" = journal-json
        }
        """).WithFallback(Journal.Config));

    /// <summary>Writes the BTC journals from a second actor system bound to the JSON serializer, and reconciles them
    /// there, as an older build would have at the run's close.</summary>
    private async Task<ConsistencyReport> WriteAndReconcileAsJson()
    {
        var older = OlderBuild();
        try
        {
            await TestJournal.WriteAsync(older, JournalNames.Trader(TestRun.Id, BtcJournals.Symbol), BtcJournals.TraderJournal());
            await TestJournal.WriteAsync(older, JournalNames.Exchange(TestRun.Id, BtcJournals.Symbol), BtcJournals.ExchangeJournal());
            return await older.ActorOf(ConsistencyActor.Props(TempSqliteJournal.ReadJournalPluginId))
                .Ask<ConsistencyReport>(TestRun.Reconcile(BtcJournals.Symbol), ReadTimeout);
        }
        finally
        {
            await older.Terminate();
        }
    }

    private async Task<IReadOnlyList<long>> SerializerIds()
    {
        await using var connection = new SqliteConnection(Journal.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT identifier FROM journal";
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<long>();
        while (await reader.ReadAsync()) ids.Add(reader.GetInt64(0));
        return ids;
    }

    private async Task SetSchemaVersionAsync(string persistenceId, long sequenceNr, byte version)
    {
        await using var connection = new SqliteConnection(Journal.ConnectionString);
        await connection.OpenAsync();
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT message FROM journal WHERE persistence_id = @id AND sequence_number = @nr";
        read.Parameters.AddWithValue("id", persistenceId);
        read.Parameters.AddWithValue("nr", sequenceNr);
        var message = (byte[])(await read.ExecuteScalarAsync())!;
        message[0] = version;
        await using var write = connection.CreateCommand();
        write.CommandText = "UPDATE journal SET message = @message WHERE persistence_id = @id AND sequence_number = @nr";
        write.Parameters.AddWithValue("message", message);
        write.Parameters.AddWithValue("id", persistenceId);
        write.Parameters.AddWithValue("nr", sequenceNr);
        Assert.Equal(1, await write.ExecuteNonQueryAsync());
    }

    private static string BtcJournalsDescription(ConsistencyReport report) =>
        string.Join("; ", report.Invariants.SelectMany(i => i.Violations).Select(v => v.Detail));
}
