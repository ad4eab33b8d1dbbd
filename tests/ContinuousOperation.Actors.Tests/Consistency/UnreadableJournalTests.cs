using ContinuousOperation.Actors.Consistency;
using ContinuousOperation.Actors.Tests.Support;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Actors.Tests.Consistency;

public sealed class UnreadableJournalTests : SqliteTestKit
{
    public UnreadableJournalTests() : base(TempSqliteJournal.Unreadable())
    {
    }

    [Fact]
    public void A_database_that_is_not_a_journal_fails_reconciliation_instead_of_reporting_it_valid()
    {
        Sys.ActorOf(ConsistencyActor.Props(TempSqliteJournal.ReadJournalPluginId)).Tell(TestRun.Reconcile(new Symbol("BTC-USDT")), TestActor);

        var failure = ExpectMsg<ReconciliationFailed>(TimeSpan.FromSeconds(30));
        Assert.Contains("could not be opened", failure.Reason);
    }
}
