using ContinuousOperation.Actors.Consistency;
using ContinuousOperation.Actors.Tests.Support;
using Xunit.Abstractions;

namespace ContinuousOperation.Actors.Tests.Consistency;

public sealed class UnreadableJournalTests : Akka.TestKit.Xunit2.TestKit
{
    private readonly TempSqliteJournal journal;

    public UnreadableJournalTests(ITestOutputHelper output) : this(TempSqliteJournal.Unreadable(), output)
    {
    }

    private UnreadableJournalTests(TempSqliteJournal journal, ITestOutputHelper output)
        : base(journal.Config, output: output)
    {
        this.journal = journal;
    }

    [Fact]
    public void A_database_that_is_not_a_journal_fails_reconciliation_instead_of_reporting_it_valid()
    {
        Sys.ActorOf(ConsistencyActor.Props(TempSqliteJournal.ReadJournalPluginId)).Tell(Reconcile.Instance, TestActor);

        var failure = ExpectMsg<ReconciliationFailed>(TimeSpan.FromSeconds(30));
        Assert.Contains("could not be opened", failure.Reason);
    }

    protected override void AfterAll()
    {
        base.AfterAll();
        journal.Dispose();
    }
}
