using ContinuousOperation.Cli.Commands;

namespace ContinuousOperation.Cli.Database;

/// <summary>
/// How a run named its journal database, as <c>run.json</c> keeps it for <c>run --resume</c>: the run folder's own
/// <c>journal.db</c>, a SQLite file, or the environment variable or file that held the connection string. Never a
/// connection string given inline (it may hold a password): such a run is resumed with <c>--db</c>, <c>--db-env</c>
/// or <c>--db-file</c> given again, and <see cref="Value"/> only describes where it was.
/// </summary>
internal sealed record DatabaseReference(string Kind, string? Value = null)
{
    public const string RunFolder = "run-folder";
    public const string SqliteFile = "sqlite-file";
    public const string EnvironmentVariable = "environment-variable";
    public const string ConnectionFile = "connection-file";
    public const string Inline = "inline";

    public static readonly DatabaseReference InRunFolder = new(RunFolder);

    /// <summary>How <paramref name="target"/> was named, given that <paramref name="named"/> says which option did.</summary>
    public static DatabaseReference Of(DatabaseTarget target, DatabaseReference named) =>
        named.Kind == Inline && target.Kind == DatabaseKind.Sqlite ? new(SqliteFile, target.SqliteFile) : named;

    /// <exception cref="UsageException">The database cannot be named again from what was kept.</exception>
    public DatabaseTarget Resolve(string runFolder) => Kind switch
    {
        RunFolder => DatabaseTarget.SqliteFileAt(Path.Combine(runFolder, "journal.db")),
        SqliteFile => DatabaseTarget.SqliteFileAt(Value!),
        EnvironmentVariable => DatabaseOptions.FromEnvironment(Value!),
        ConnectionFile => DatabaseOptions.FromFile(Value!),
        _ => throw new UsageException(
            $"--resume: the run's database ({Value}) was given inline and its connection string is not kept (it may hold a password); give it again with --db-env or --db-file"),
    };
}
