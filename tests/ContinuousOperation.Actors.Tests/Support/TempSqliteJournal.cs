using Akka.Configuration;
using Akka.Persistence.Sql;
using Microsoft.Data.Sqlite;

namespace ContinuousOperation.Actors.Tests.Support;

/// <summary>
/// A real Akka.Persistence.Sql journal, snapshot store and read journal on a fresh SQLite file, with the project's
/// journal and snapshot serializers and tagging adapter bound as in production. The file (and its WAL side files) is deleted on
/// dispose. Pass <see cref="Config"/> to the TestKit constructor.
/// </summary>
public sealed class TempSqliteJournal : IDisposable
{
    public const string JournalPluginId = "akka.persistence.journal.sql";
    public const string ReadJournalPluginId = "akka.persistence.query.journal.sql";

    private TempSqliteJournal(string databasePath)
    {
        DatabasePath = databasePath;
        // As in production, a write waits at most a second for the lock before failing: Microsoft.Data.Sqlite would
        // otherwise retry a locked write for 30 s, and a database outage would only delay writes.
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, DefaultTimeout = 1 }.ToString();
        Config = ConfigurationFactory.ParseString(Hocon(ConnectionString)).WithFallback(SqlPersistence.DefaultConfiguration);
    }

    public string DatabasePath { get; }

    public string ConnectionString { get; }

    public Config Config { get; }

    /// <summary>A journal on a new, empty file in WAL mode, as a run prepares it: readers (the tests reading journals
    /// back, the consistency check) never wait for the journal's writes. The plugin creates the tables when it starts.</summary>
    public static TempSqliteJournal Create()
    {
        var path = NewPath();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var wal = connection.CreateCommand();
        wal.CommandText = "PRAGMA journal_mode=WAL;";
        wal.ExecuteNonQuery();
        return new TempSqliteJournal(path);
    }

    /// <summary>A journal whose database file holds bytes that are not a SQLite database, so every read fails.</summary>
    public static TempSqliteJournal Unreadable()
    {
        var path = NewPath();
        File.WriteAllBytes(path, Enumerable.Range(0, 4096).Select(i => (byte)(i * 31 % 251)).ToArray());
        return new TempSqliteJournal(path);
    }

    public void Dispose()
    {
        // Pooled connections keep the file open; release them so the file can be deleted on every platform. Only this
        // file's pool: clearing every pool would close connections that tests running in parallel are using.
        SqliteConnection.ClearPool(new SqliteConnection(ConnectionString));
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(DatabasePath + suffix);
        }
    }

    private static string NewPath() => Path.Combine(Path.GetTempPath(), $"journal-test-{Guid.NewGuid():N}.db");

    private static string Hocon(string connectionString)
    {
        var quoted = "\"" + connectionString.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
        return $$"""
            akka.persistence {
              journal {
                plugin = "{{JournalPluginId}}"
                sql {
                  provider-name = "SQLite.MS"
                  connection-string = {{quoted}}
                  auto-initialize = on
                  # SQLite allows one writer at a time; reads need no write lock (as in production).
                  parallelism = 1
                  read-isolation-level = read-uncommitted
                  event-adapters {
                    tagger = "ContinuousOperation.Actors.Persistence.JournalTagger, ContinuousOperation.Actors"
                  }
                  event-adapter-bindings {
                    "ContinuousOperation.Domain.Primitives.IJournalEvent, ContinuousOperation.Domain" = tagger
                  }
                }
              }
              snapshot-store {
                plugin = "akka.persistence.snapshot-store.sql"
                sql {
                  provider-name = "SQLite.MS"
                  connection-string = {{quoted}}
                  auto-initialize = on
                  read-isolation-level = read-uncommitted
                }
              }
              query.journal.sql {
                read-isolation-level = read-uncommitted
                provider-name = "SQLite.MS"
                connection-string = {{quoted}}
                write-plugin = "{{JournalPluginId}}"
              }
            }
            akka.actor {
              serializers {
                journal-binary = "ContinuousOperation.Actors.Persistence.BinaryJournalSerializer, ContinuousOperation.Actors"
                journal-json = "ContinuousOperation.Actors.Persistence.JournalEventSerializer, ContinuousOperation.Actors"
                snapshot-json = "ContinuousOperation.Actors.Persistence.SnapshotSerializer, ContinuousOperation.Actors"
              }
              serialization-bindings {
                "ContinuousOperation.Domain.Primitives.IJournalEvent, ContinuousOperation.Domain" = journal-binary
                "ContinuousOperation.Domain.Exchange.VenueSnapshot, ContinuousOperation.Domain" = snapshot-json
                "ContinuousOperation.Domain.Trading.TraderSnapshot, ContinuousOperation.Domain" = snapshot-json
              }
            }
            """;
    }
}
