using ContinuousOperation.Cli.Database;

namespace ContinuousOperation.Cli.Cluster;

/// <summary>Every member writes and reads one shared journal, so that an entity that moves finds its events. The issue
/// allows a shared SQLite file on one host only once it passes the node-kill tests; until then cluster mode takes
/// PostgreSQL and says how to get one.</summary>
internal static class ClusterDatabase
{
    /// <exception cref="UsageException">No database was named, or it is SQLite.</exception>
    public static DatabaseTarget Require(DatabaseTarget? database) => database is { Kind: DatabaseKind.PostgreSql }
        ? database
        : throw new UsageException(
            $"cluster mode needs a PostgreSQL journal that every node shares ({(database is null ? "no --db was given" : "--db is SQLite")}): " +
            "`bash .ci/postgres.sh` starts a local server and prints a connection string to pass as --db (or put it in a file for --db-file)");
}
