using Akka.Configuration;
using Akka.Hosting;
using Akka.Persistence.Sql;
using ContinuousOperation.Cli.Database;
using ContinuousOperation.Cli.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ContinuousOperation.Soak.Tests;

/// <summary>
/// How the journal turns a batch of events into SQL, in the configuration the CLI composes for each database. The
/// plugin's default inlines every payload as a literal in one statement per batch: at speed those statements are
/// large strings on the large-object heap, and they drove most full collections (docs/operations.md, "Journal writes
/// and the large-object heap"). Nothing fails when that comes back, a run only collects more, so it is checked here.
/// </summary>
public sealed class JournalWritePathTests
{
    /// <summary>Rows per statement beyond which PostgreSQL's parameterised statement text and parameter lists pass
    /// the 85,000-byte large-object threshold (measured with JournalBatchAllocationBenchmarks).</summary>
    private const int MaxRowsPerStatement = 100;

    private const string Journal = "akka.persistence.journal.sql";

    [Theory]
    [InlineData(DatabaseKind.Sqlite, "Data Source=/tmp/journal-write-path.db")]
    [InlineData(DatabaseKind.PostgreSql, "Host=127.0.0.1;Database=journal_write_path")]
    public void Batches_are_written_with_their_rows_bound_as_parameters(DatabaseKind kind, string connectionString)
    {
        var journal = ComposedJournal(new DatabaseTarget(kind, connectionString));

        Assert.True(journal.GetBoolean("prefer-parameters-on-multirow-insert"));
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite, "Data Source=/tmp/journal-write-path.db")]
    [InlineData(DatabaseKind.PostgreSql, "Host=127.0.0.1;Database=journal_write_path")]
    public void A_large_batch_is_split_into_statements_that_stay_off_the_large_object_heap(DatabaseKind kind, string connectionString)
    {
        var journal = ComposedJournal(new DatabaseTarget(kind, connectionString));

        Assert.InRange(journal.GetInt("db-round-trip-max-batch-size"), 1, MaxRowsPerStatement);
    }

    /// <summary>The journal plugin's settings as an actor system of the CLI would read them: the composed HOCON over
    /// the plugin's own defaults.</summary>
    private static Config ComposedJournal(DatabaseTarget database)
    {
        var builder = new AkkaConfigurationBuilder(new ServiceCollection(), AkkaComposition.SystemName);
        AkkaComposition.Configure(builder, database, userConfig: null);

        var composed = builder.Configuration.HasValue ? builder.Configuration.Value : Config.Empty;
        return composed.WithFallback(SqlPersistence.DefaultConfiguration).GetConfig(Journal);
    }
}
