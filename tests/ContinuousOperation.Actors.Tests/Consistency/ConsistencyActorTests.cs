using Akka.Actor;
using ContinuousOperation.Actors.Consistency;
using ContinuousOperation.Actors.Tests.Support;
using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Run;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Actors.Tests.Consistency;

public sealed class ConsistencyActorTests : SqliteTestKit
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Consistent_journals_reconcile_as_valid_and_unrelated_journals_are_ignored()
    {
        await TestJournal.WriteAsync(Sys, JournalNames.Trader(TestRun.Id, BtcJournals.Symbol), BtcJournals.TraderJournal());
        await TestJournal.WriteAsync(Sys, JournalNames.Exchange(TestRun.Id, BtcJournals.Symbol), BtcJournals.ExchangeJournal());
        await TestJournal.WriteAsync(Sys, "run-coordinator", new OrderAcknowledged(BtcJournals.Order));
        var otherRun = RunId.New(new DateTimeOffset(2026, 11, 27, 13, 0, 0, TimeSpan.Zero), 42, new Random(2));
        await TestJournal.WriteAsync(Sys, JournalNames.Trader(otherRun, new Symbol("ETH-USDT")), BtcJournals.TraderJournal());

        Sys.ActorOf(ConsistencyActor.Props(TempSqliteJournal.ReadJournalPluginId)).Tell(TestRun.Reconcile(BtcJournals.Symbol), TestActor);

        var report = ExpectMsg<ConsistencyReport>(ReadTimeout);
        Assert.True(report.IsValid, string.Join("; ", report.Invariants.SelectMany(i => i.Violations).Select(v => v.Detail)));
        Assert.Equal([BtcJournals.Symbol], report.Symbols);
        Assert.Equal(BtcJournals.TraderJournal().Length, report.TraderEventsRead);
        Assert.Equal(BtcJournals.ExchangeJournal().Length, report.ExchangeEventsRead);
        Assert.Equal([BtcJournals.TraderJournal().Length, BtcJournals.ExchangeJournal().Length], report.Journals.Select(j => j.Events));
        Assert.All(report.Journals, j => Assert.Matches("^[0-9a-f]{64}$", j.Digest));
    }

    [Fact]
    public async Task The_same_journals_read_twice_give_the_same_digests_and_a_changed_event_another()
    {
        await TestJournal.WriteAsync(Sys, JournalNames.Trader(TestRun.Id, BtcJournals.Symbol), BtcJournals.TraderJournal());
        await TestJournal.WriteAsync(Sys, JournalNames.Exchange(TestRun.Id, BtcJournals.Symbol), BtcJournals.ExchangeJournal());
        var changedRun = RunId.New(new DateTimeOffset(2026, 11, 27, 13, 0, 0, TimeSpan.Zero), 42, new Random(2));
        await TestJournal.WriteAsync(Sys, JournalNames.Trader(changedRun, BtcJournals.Symbol), BtcJournals.TraderJournalWithoutTheFill());
        var consistency = Sys.ActorOf(ConsistencyActor.Props(TempSqliteJournal.ReadJournalPluginId));

        var first = await consistency.Ask<ConsistencyReport>(TestRun.Reconcile(BtcJournals.Symbol), ReadTimeout);
        var second = await consistency.Ask<ConsistencyReport>(TestRun.Reconcile(BtcJournals.Symbol), ReadTimeout);
        var changed = await consistency.Ask<ConsistencyReport>(
            new Reconcile(new JournalExpectation(changedRun, [BtcJournals.Symbol], Drained: true)), ReadTimeout);

        Assert.Equal(first.Journals.Select(j => j.Digest), second.Journals.Select(j => j.Digest));
        Assert.NotEqual(first.Journals[0].Digest, changed.Journals[0].Digest);
    }

    [Fact]
    public async Task A_fill_the_trader_never_applied_is_reported_as_a_lost_fill_naming_the_fill_id()
    {
        await TestJournal.WriteAsync(
            Sys, JournalNames.Trader(TestRun.Id, BtcJournals.Symbol), BtcJournals.TraderJournalWithoutTheFill());
        await TestJournal.WriteAsync(Sys, JournalNames.Exchange(TestRun.Id, BtcJournals.Symbol), BtcJournals.ExchangeJournal());

        Sys.ActorOf(ConsistencyActor.Props(TempSqliteJournal.ReadJournalPluginId)).Tell(TestRun.Reconcile(BtcJournals.Symbol), TestActor);

        var report = ExpectMsg<ConsistencyReport>(ReadTimeout);
        Assert.False(report.IsValid);
        var fillsExactlyOnce = report.Invariants.Single(i => i.Invariant == Invariant.FillsExactlyOnce);
        Assert.False(fillsExactlyOnce.Holds);
        Assert.Contains(fillsExactlyOnce.Violations, v => v.Ids.Contains(BtcJournals.TraderFill.Value));
    }

    [Fact]
    public async Task A_venue_event_in_a_trader_journal_fails_reconciliation_as_unreadable()
    {
        await TestJournal.WriteAsync(Sys, JournalNames.Trader(TestRun.Id, BtcJournals.Symbol), BtcJournals.ExchangeJournal()[0]);

        Sys.ActorOf(ConsistencyActor.Props(TempSqliteJournal.ReadJournalPluginId)).Tell(TestRun.Reconcile(BtcJournals.Symbol), TestActor);

        var failure = ExpectMsg<ReconciliationFailed>(ReadTimeout);
        Assert.Contains("Unexpected ExchangeOrderAccepted at sequence number 1", failure.Reason);
    }

    [Fact]
    public void An_empty_journal_fails_reconciliation_because_the_runs_journals_are_missing()
    {
        Sys.ActorOf(ConsistencyActor.Props(TempSqliteJournal.ReadJournalPluginId)).Tell(TestRun.Reconcile(BtcJournals.Symbol), TestActor);

        var report = ExpectMsg<ConsistencyReport>(ReadTimeout);
        Assert.False(report.IsValid);
        Assert.Equal(InvariantState.Violated, report.Invariants.Single(i => i.Invariant == Invariant.JournalsAsRecorded).State);
        Assert.Equal([0L, 0L], report.Journals.Select(j => j.Events));
    }
}
