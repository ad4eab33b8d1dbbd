using Akka.Configuration;
using Akka.TestKit.Xunit2;

namespace ContinuousOperation.Actors.Tests.Support;

/// <summary>A TestKit whose actor system journals to its own fresh SQLite file, deleted after the test. Expectations
/// wait up to 10 s by default: the first journal write creates the schema, and test classes run in parallel on a
/// small machine.</summary>
public abstract class SqliteTestKit : TestKit
{
    protected SqliteTestKit() : this(TempSqliteJournal.Create())
    {
    }

    protected SqliteTestKit(TempSqliteJournal journal)
        : base(ConfigurationFactory.ParseString("akka.test.single-expect-default = 10s").WithFallback(journal.Config)) =>
        Journal = journal;

    protected TempSqliteJournal Journal { get; }

    protected override void AfterAll()
    {
        base.AfterAll();
        Journal.Dispose();
    }
}
