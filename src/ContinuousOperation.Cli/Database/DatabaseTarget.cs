using ContinuousOperation.Domain.Reporting;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ContinuousOperation.Cli.Database;

public enum DatabaseKind
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// The journal database named by <c>--db</c>: a SQLite file path, a SQLite <c>Data Source=…</c> string, or a PostgreSQL
/// connection string (<c>Host=…</c>). Knows the linq2db provider name and how to describe itself without credentials.
/// </summary>
internal sealed record DatabaseTarget(DatabaseKind Kind, string ConnectionString)
{
    public const string SqliteProvider = "SQLite.MS";
    public const string PostgreSqlProvider = "PostgreSQL.15";

    /// <summary>The table Akka.Persistence.Sql writes events to (its default name), on either database.</summary>
    public const string JournalTable = "journal";

    /// <summary>Opened so that nothing can be written (<see cref="AsReadOnly"/>): the journal plugin then creates no tables.</summary>
    public bool ReadOnly { get; private init; }

    public string ProviderName => Kind == DatabaseKind.Sqlite ? SqliteProvider : PostgreSqlProvider;

    /// <summary>The SQLite file, or null for PostgreSQL (also when the data source is a <c>file:</c> URI, see
    /// <see cref="AsReadOnly"/>).</summary>
    public string? SqliteFile => Kind == DatabaseKind.Sqlite ? FileOf(new SqliteConnectionStringBuilder(ConnectionString).DataSource) : null;

    public static DatabaseTarget SqliteFileAt(string path) =>
        new(DatabaseKind.Sqlite, new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(path) }.ConnectionString);

    /// <param name="text">The connection string or path.</param>
    /// <param name="option">Where it came from (<c>--db</c>, <c>--db-env NAME</c>, …), for error messages.</param>
    /// <exception cref="UsageException">The text is neither a usable path nor a connection string.</exception>
    public static DatabaseTarget Parse(string text, string option = "--db")
    {
        if (string.IsNullOrWhiteSpace(text)) throw new UsageException($"{option} needs a SQLite file path or a connection string");

        if (HasKey(text, "host") || HasKey(text, "server"))
        {
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(text);
                if (string.IsNullOrWhiteSpace(builder.Host)) throw new UsageException($"{option}: the PostgreSQL connection string has an empty Host");
                // Npgsql checks the port only when it connects, as an exception no caller expects.
                if (builder.Port is < 1 or > 65535) throw new UsageException($"{option}: the PostgreSQL port must be 1–65535 (got {builder.Port})");
                PostgreSqlPassword.MoveToEnvironment(builder);
                return new DatabaseTarget(DatabaseKind.PostgreSql, builder.ConnectionString);
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
            {
                throw new UsageException($"{option} is not a valid PostgreSQL connection string: {e.Message}");
            }
        }

        if (HasKey(text, "data source") || HasKey(text, "datasource") || HasKey(text, "filename"))
        {
            try
            {
                var builder = new SqliteConnectionStringBuilder(text);
                if (string.IsNullOrWhiteSpace(builder.DataSource)) throw new UsageException($"{option}: the SQLite connection string has an empty Data Source");
                builder.DataSource = Path.GetFullPath(builder.DataSource);
                return new DatabaseTarget(DatabaseKind.Sqlite, builder.ConnectionString);
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
            {
                throw new UsageException($"{option} is not a valid SQLite connection string: {e.Message}");
            }
        }

        if (text.Contains('=')) throw new UsageException($"{option} '{Redacted(text)}' is neither a SQLite path nor a connection string with Host= or Data Source=");
        try
        {
            return SqliteFileAt(text);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new UsageException($"{option} '{text}' is not a usable file path: {e.Message}");
        }
    }

    /// <summary>
    /// The same database for a reader that must not change it: PostgreSQL sessions whose transactions are read-only;
    /// SQLite opened read-only. A SQLite file without a write-ahead log has no writer and nothing to checkpoint, so it
    /// is opened as immutable: then SQLite creates no <c>-wal</c> or <c>-shm</c> file either, and a file on read-only
    /// media can be read. With a log present (a run is going, or was killed) the log must be read, which takes the
    /// ordinary read-only mode and its shared-memory index.
    /// </summary>
    public DatabaseTarget AsReadOnly()
    {
        if (Kind == DatabaseKind.PostgreSql)
        {
            return this with
            {
                ReadOnly = true,
                ConnectionString = new NpgsqlConnectionStringBuilder(ConnectionString) { Options = "-c default_transaction_read_only=on" }.ConnectionString,
            };
        }

        var builder = new SqliteConnectionStringBuilder(ConnectionString) { Mode = SqliteOpenMode.ReadOnly };
        var file = SqliteFile!;
        if (File.Exists(file) && !File.Exists(file + "-wal")) builder.DataSource = $"{new Uri(file).AbsoluteUri}?immutable=1";
        return this with { ReadOnly = true, ConnectionString = builder.ConnectionString };
    }

    public DatabaseDescription Describe()
    {
        if (Kind == DatabaseKind.Sqlite) return new DatabaseDescription("sqlite", SqliteFile!);
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        return new DatabaseDescription("postgresql", $"{builder.Host}:{builder.Port}/{builder.Database}");
    }

    private static string FileOf(string dataSource) =>
        dataSource.StartsWith("file:", StringComparison.Ordinal) ? new Uri(dataSource.Split('?')[0]).LocalPath : dataSource;

    private static bool HasKey(string text, string key) =>
        text.Split(';').Any(pair => pair.Split('=', 2) is [var k, _] && k.Trim().Equals(key, StringComparison.OrdinalIgnoreCase));

    /// <summary>Only the keys: an unparsable connection string may still hold a password.</summary>
    private static string Redacted(string text) =>
        string.Join(";", text.Split(';').Select(pair => pair.Split('=', 2)[0].Trim() + (pair.Contains('=') ? "=…" : "")));
}
