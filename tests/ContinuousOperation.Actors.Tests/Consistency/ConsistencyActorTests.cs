using ContinuousOperation.Actors.Consistency;
using ContinuousOperation.Actors.Tests.Support;
using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Actors.Tests.Consistency;

public sealed class ConsistencyActorTests : SqliteTestKit
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Consistent_journals_reconcile_as_valid_and_unrelated_journals_are_ignored()
    {
        await TestJournal.WriteAsync(Sys, JournalNames.Trader(BtcJournals.Symbol), BtcJournals.TraderJournal());
        await TestJournal.WriteAsync(Sys, JournalNames.Exchange(BtcJournals.Symbol), BtcJournals.ExchangeJournal());
        await TestJournal.WriteAsync(Sys, "run-coordinator", new OrderAcknowledged(BtcJournals.Order));

        Sys.ActorOf(ConsistencyActor.Props(TempSqliteJournal.ReadJournalPluginId)).Tell(Reconcile.Instance, TestActor);

        var report = ExpectMsg<ConsistencyReport>(ReadTimeout);
        Assert.True(report.IsValid, string.Join("; ", report.Invariants.SelectMany(i => i.Violations).Select(v => v.Detail)));
        Assert.Equal([BtcJournals.Symbol], report.Symbols);
        Assert.Equal(BtcJournals.TraderJournal().Length, report.TraderEventsRead);
        Assert.Equal(BtcJournals.ExchangeJournal().Length, report.ExchangeEventsRead);
    }

    [Fact]
    public async Task A_fill_the_trader_never_applied_is_reported_as_a_lost_fill_naming_the_fill_id()
    {
        await TestJournal.WriteAsync(
            Sys, JournalNames.Trader(BtcJournals.Symbol), BtcJournals.TraderJournalWithoutTheFill());
        await TestJournal.WriteAsync(Sys, JournalNames.Exchange(BtcJournals.Symbol), BtcJournals.ExchangeJournal());

        Sys.ActorOf(ConsistencyActor.Props(TempSqliteJournal.ReadJournalPluginId)).Tell(Reconcile.Instance, TestActor);

        var report = ExpectMsg<ConsistencyReport>(ReadTimeout);
        Assert.False(report.IsValid);
        var fillsExactlyOnce = report.Invariants.Single(i => i.Invariant == Invariant.FillsExactlyOnce);
        Assert.False(fillsExactlyOnce.Holds);
        Assert.Contains(fillsExactlyOnce.Violations, v => v.Ids.Contains(BtcJournals.TraderFill.Value));
    }

    [Fact]
    public async Task A_venue_event_in_a_trader_journal_fails_reconciliation_as_unreadable()
    {
        await TestJournal.WriteAsync(Sys, JournalNames.Trader(BtcJournals.Symbol), BtcJournals.ExchangeJournal()[0]);

        Sys.ActorOf(ConsistencyActor.Props(TempSqliteJournal.ReadJournalPluginId)).Tell(Reconcile.Instance, TestActor);

        var failure = ExpectMsg<ReconciliationFailed>(ReadTimeout);
        Assert.Contains("Unexpected ExchangeOrderAccepted at sequence number 1", failure.Reason);
    }

    [Fact]
    public void An_empty_journal_reconciles_to_a_report_with_no_symbols()
    {
        Sys.ActorOf(ConsistencyActor.Props(TempSqliteJournal.ReadJournalPluginId)).Tell(Reconcile.Instance, TestActor);

        var report = ExpectMsg<ConsistencyReport>(ReadTimeout);
        Assert.Empty(report.Symbols);
    }
}
