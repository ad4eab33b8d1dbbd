using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence;
using Akka.TestKit.Xunit2;

namespace ContinuousOperation.Actors.Tests.Support;

/// <summary>A TestKit whose actor system journals to its own fresh SQLite file, deleted after the test. Expectations
/// wait up to 10 s by default: test classes run in parallel on a small machine.</summary>
public abstract class SqliteTestKit : TestKit
{
    protected SqliteTestKit() : this(TempSqliteJournal.Create()) => AwaitJournalTables();

    protected SqliteTestKit(TempSqliteJournal journal)
        : this(journal, Config.Empty)
    {
    }

    /// <param name="extra">Configuration that takes precedence over the journal's (a cluster provider, say).</param>
    protected SqliteTestKit(TempSqliteJournal journal, Config extra)
        : base(extra.WithFallback(ConfigurationFactory.ParseString("akka.test.single-expect-default = 10s")).WithFallback(journal.Config)) =>
        Journal = journal;

    protected TempSqliteJournal Journal { get; }

    protected override void AfterAll()
    {
        base.AfterAll();
        Journal.Dispose();
    }

    /// <summary>
    /// The journal creates its tables when it starts, asynchronously, and serves nothing before; a test that reads
    /// the journal back before any actor has written would otherwise race that and find no table. A replay request
    /// is answered only once the tables exist.
    /// </summary>
    private void AwaitJournalTables()
    {
        var probe = CreateTestProbe();
        Akka.Persistence.Persistence.Instance.Apply(Sys).JournalFor(null).Tell(new ReplayMessages(0, 0, 0, "journal-tables-probe", probe.Ref));
        probe.ExpectMsg<RecoverySuccess>(TimeSpan.FromSeconds(30));
    }
}
