using Akka.Cluster.Hosting;
using Akka.Configuration;
using Akka.Hosting;
using Akka.Logger.Serilog;
using Akka.Persistence.Sql.Hosting;
using Akka.Remote.Hosting;
using ContinuousOperation.Actors.Persistence;
using ContinuousOperation.Actors.Wire;
using ContinuousOperation.Cli.Cluster;
using ContinuousOperation.Cli.Database;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Trading;
using LinqToDB;

namespace ContinuousOperation.Cli.Hosting;

/// <summary>
/// Configures the actor system the same way for every verb (and for the schema test): HOCON files, Serilog logging,
/// the journal, snapshot and cross-node message serializers, the tagger, and Akka.Persistence.Sql on the chosen database.
/// Precedence, lowest to highest: <c>base.hocon</c>, the database's tuning file, the code below, <c>--config</c>.
/// A cluster member (the <c>cluster</c> launcher and its <c>node</c> processes) also gets <c>cluster.hocon</c>, its
/// remoting address, seed nodes and roles, and what its roles host; no other verb loads any of it.
/// </summary>
internal static class AkkaComposition
{
    public const string SystemName = "continuous-operation";
    public const string ReadJournalPluginId = "akka.persistence.query.journal.sql";

    private const string JournalSerializerName = "journal-binary";
    private const string LegacyJournalSerializerName = "journal-json";
    private const string SnapshotSerializerName = "snapshot-json";
    private const string TaggerName = "journal-tagger";

    public static AkkaConfigurationBuilder Configure(
        AkkaConfigurationBuilder builder, DatabaseTarget database, Config? userConfig, ClusterMember? member = null)
    {
        builder
            .AddHocon(HoconFile("base.hocon"), HoconAddMode.Prepend)
            .AddHocon(HoconFile(PersistenceHoconFile(database.Kind)), HoconAddMode.Prepend)
            .AddHocon($"akka.stdout-logger-class = \"{typeof(AkkaFallbackLogger).FullName}, {typeof(AkkaFallbackLogger).Assembly.GetName().Name}\"", HoconAddMode.Prepend)
            .ConfigureLoggers(loggers => loggers.ClearLoggers().AddSerilogLogging())
            // New rows are binary; the JSON serializer stays registered (unbound) to read rows of older journals.
            .WithCustomSerializer(JournalSerializerName, [typeof(IJournalEvent)], system => new BinaryJournalSerializer(system))
            .WithCustomSerializer(LegacyJournalSerializerName, [], system => new JournalEventSerializer(system))
            .WithCustomSerializer(SnapshotSerializerName, SnapshotSerializer.SnapshotTypes, system => new SnapshotSerializer(system))
            // Every message that may cross nodes, so none falls back to Akka's default serializer.
            .WithCustomSerializer(WireBindings.SerializerName, WireRegistry.Types, system => new WireSerializer(system))
            .WithSqlPersistence(
                JournalOptions(database),
                SnapshotOptions(database),
                journal => journal.AddWriteEventAdapter<JournalTagger>(TaggerName, [typeof(ITraderEvent), typeof(IExchangeEvent)]));

        if (member is not null) JoinCluster(builder, member);
        if (userConfig is not null) builder.AddHocon(userConfig, HoconAddMode.Prepend);
        return builder;
    }

    /// <summary>What the command line gave (address, seeds, roles) goes over <c>cluster.hocon</c>; what it left out
    /// (null) is not written, so the file's value stands.</summary>
    private static void JoinCluster(AkkaConfigurationBuilder builder, ClusterMember member)
    {
        builder
            .AddHocon(HoconFile("cluster.hocon"), HoconAddMode.Prepend)
            .WithRemoting(new RemoteOptions { HostName = member.Hostname, PublicHostName = member.PublicHostname, Port = member.Port })
            .WithClustering(new ClusterOptions { SeedNodes = [.. member.SeedNodes], Roles = [.. member.Roles] });
        foreach (var role in member.Roles) ClusterEntities.Register(builder, role, member.Run);
    }

    /// <summary>
    /// Connection string and provider name are set explicitly next to the <see cref="DataOptions"/>: without them in
    /// the plugin's HOCON the tables are created with no indexes, not even the unique (persistence id, sequence number)
    /// one that rejects duplicate writes. A read-only database (the <c>reconcile</c> verb) gets no tables created.
    /// </summary>
    private static SqlJournalOptions JournalOptions(DatabaseTarget database) => new(isDefaultPlugin: true, identifier: "sql")
    {
        ConnectionString = database.ConnectionString,
        ProviderName = database.ProviderName,
        DataOptions = DataOptionsFor(database),
        AutoInitialize = !database.ReadOnly,
    };

    private static SqlSnapshotOptions SnapshotOptions(DatabaseTarget database) => new(isDefaultPlugin: true, identifier: "sql")
    {
        ConnectionString = database.ConnectionString,
        ProviderName = database.ProviderName,
        DataOptions = DataOptionsFor(database),
        AutoInitialize = !database.ReadOnly,
    };

    private static DataOptions DataOptionsFor(DatabaseTarget database)
    {
        var options = new DataOptions().UseConnectionString(database.ProviderName, database.ConnectionString);
        return database.Kind == DatabaseKind.Sqlite ? options.UseInterceptor(new SqliteConnectionTuning()) : options;
    }

    /// <summary>For <c>--dry-run</c>: reads and parses the HOCON files a run on <paramref name="kind"/> would load, so a
    /// broken installation or file is found without starting anything. Returns their paths.</summary>
    /// <exception cref="InfrastructureException">A file is missing or is not HOCON.</exception>
    public static IReadOnlyList<string> ReadHoconFiles(DatabaseKind kind, bool cluster)
    {
        string[] names = cluster ? ["base.hocon", PersistenceHoconFile(kind), "cluster.hocon"] : ["base.hocon", PersistenceHoconFile(kind)];
        foreach (var name in names)
        {
            try
            {
                HoconFile(name);
            }
            catch (Exception e)
            {
                // A missing file, an unreadable one and the HOCON parser's several exception types all mean the same here.
                throw new InfrastructureException($"the installation's {HoconPath(name)} cannot be read: {e.Message}", e);
            }
        }

        return names.Select(HoconPath).ToArray();
    }

    private static string PersistenceHoconFile(DatabaseKind kind) =>
        kind == DatabaseKind.Sqlite ? "persistence-sqlite.hocon" : "persistence-postgres.hocon";

    private static string HoconPath(string name) => Path.Combine(AppContext.BaseDirectory, "hocon", name);

    private static Config HoconFile(string name) =>
        ConfigurationFactory.ParseString(File.ReadAllText(HoconPath(name)));
}
