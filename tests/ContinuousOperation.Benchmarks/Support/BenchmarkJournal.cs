using Akka.Configuration;
using Akka.Persistence.Sql;
using ContinuousOperation.Actors.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ContinuousOperation.Benchmarks.Support;

/// <summary>
/// A fresh journal database for a benchmark (a SQLite file in WAL mode, or a database of its own on the PostgreSQL
/// server named by <see cref="PostgresVariable"/>), and Akka.Persistence.Sql configured for it with the project's
/// serializer and tagger and either the journal tuning the CLI ships (hocon/*.hocon) or that tuning with the plugin's
/// own defaults for how a batch is written.
/// </summary>
internal sealed class BenchmarkJournal : IDisposable
{
    public const string Sqlite = "SQLite";
    public const string PostgreSql = "PostgreSQL";
    public const string PostgresVariable = "CONTINUOUS_OPERATION_POSTGRES";

    /// <summary>The tuning the CLI ships for the database.</summary>
    public const string Shipped = "shipped";
    /// <summary>The shipped tuning, but the plugin's defaults for the settings that decide how a batch becomes SQL.</summary>
    public const string PluginDefaults = "plugin-defaults";
    /// <summary><see cref="PluginDefaults"/> with the rows bound as parameters, but no other limit on a statement.</summary>
    public const string ParametersOnly = "parameters-only";

    private const string JournalPath = "akka.persistence.journal.sql";
    private static readonly string[] WritePathSettings =
        ["prefer-parameters-on-multirow-insert", "db-round-trip-max-batch-size", "max-row-by-row-size"];

    private readonly string _server;
    private readonly string _name;

    private BenchmarkJournal(string database, string providerName, string connectionString, string server, string name)
    {
        Database = database;
        ProviderName = providerName;
        ConnectionString = connectionString;
        _server = server;
        _name = name;
    }

    public string Database { get; }
    public string ProviderName { get; }
    public string ConnectionString { get; }

    /// <summary>SQLite, and PostgreSQL when <see cref="PostgresVariable"/> names a server.</summary>
    public static IEnumerable<string> Available =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } ? [Sqlite, PostgreSql] : [Sqlite];

    public static BenchmarkJournal Create(string database)
    {
        var name = $"journal_benchmark_{Guid.NewGuid():N}";
        if (database == Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), name + ".db");
            var connectionString = new SqliteConnectionStringBuilder { DataSource = file }.ConnectionString;
            using var connection = new SqliteConnection(connectionString + ";Pooling=False");
            connection.Open();
            using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            wal.ExecuteNonQuery();
            return new BenchmarkJournal(database, "SQLite.MS", connectionString, "", file);
        }

        var server = Environment.GetEnvironmentVariable(PostgresVariable)
            ?? throw new InvalidOperationException($"{PostgresVariable} is not set");
        Execute(server, $"CREATE DATABASE {name}");
        return new BenchmarkJournal(database, "PostgreSQL.15", new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, server, name);
    }

    /// <summary>The journal on this database with <paramref name="tuning"/> (<see cref="Shipped"/>,
    /// <see cref="PluginDefaults"/> or <see cref="ParametersOnly"/>); snapshots stay in memory.</summary>
    public Config Config(string tuning, string serializer = nameof(BinaryJournalSerializer))
    {
        var defaults = SqlPersistence.DefaultConfiguration;
        var shipped = ShippedTuning(Database == Sqlite ? "persistence-sqlite.hocon" : "persistence-postgres.hocon");
        var writePath = tuning switch
        {
            Shipped => Akka.Configuration.Config.Empty,
            PluginDefaults => PluginWritePath(defaults),
            ParametersOnly => ConfigurationFactory.ParseString($"{JournalPath}.prefer-parameters-on-multirow-insert = true")
                .WithFallback(PluginWritePath(defaults)),
            _ => throw new ArgumentOutOfRangeException(nameof(tuning), tuning, null),
        };
        return ConfigurationFactory.ParseString($$"""
            akka.loglevel = WARNING
            akka.persistence.journal {
              plugin = "{{JournalPath}}"
              sql {
                provider-name = "{{ProviderName}}"
                connection-string = "{{ConnectionString}}"
                auto-initialize = on
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
            """).WithFallback(writePath).WithFallback(shipped).WithFallback(defaults);
    }

    public void Dispose()
    {
        if (Database == Sqlite)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_name + suffix);
            return;
        }

        NpgsqlConnection.ClearAllPools();
        Execute(_server, $"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }

    private static Config PluginWritePath(Config defaults) => ConfigurationFactory.ParseString(string.Join('\n',
        WritePathSettings.Select(s => $"{JournalPath}.{s} = {defaults.GetString($"{JournalPath}.{s}")}")));

    /// <summary>base.hocon under the database's own file, as the CLI layers them (the files are copied next to the
    /// benchmarks).</summary>
    private static Config ShippedTuning(string databaseFile)
    {
        static Config Read(string file) =>
            ConfigurationFactory.ParseString(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "hocon", file)));
        return Read(databaseFile).WithFallback(Read("base.hocon"));
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
