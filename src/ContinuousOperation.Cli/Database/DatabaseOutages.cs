using ContinuousOperation.Actors.Faults;

namespace ContinuousOperation.Cli.Database;

/// <summary>The database-outage fault for the journal's kind of database.</summary>
internal static class DatabaseOutages
{
    public static IDatabaseOutage For(DatabaseTarget target) => target.Kind switch
    {
        DatabaseKind.Sqlite => new SqliteOutage(target.ConnectionString),
        DatabaseKind.PostgreSql => new PostgreSqlOutage(target.ConnectionString),
        _ => throw new ArgumentOutOfRangeException(nameof(target), target.Kind, "unknown database kind"),
    };
}
