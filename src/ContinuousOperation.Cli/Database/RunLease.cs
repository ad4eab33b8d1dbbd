using Npgsql;

namespace ContinuousOperation.Cli.Database;

/// <summary>
/// Makes a run the only one on its journal database for as long as it lasts, so two runs can never interleave their
/// writes. The lease is something the operating system or the server drops when the process dies, even by
/// <c>kill -9</c>, so a crashed run never blocks the next one:
/// SQLite — an exclusive lock on a sidecar file next to the database (<c>{file}.lease</c>, kept between runs);
/// PostgreSQL — a session-level advisory lock on a dedicated connection, which the database outage fault spares
/// (<see cref="PostgreSqlApplicationName"/>).
/// </summary>
internal sealed class RunLease : IAsyncDisposable
{
    /// <summary>Names the lease's session, so that <see cref="PostgreSqlOutage"/> does not terminate it.</summary>
    public const string PostgreSqlApplicationName = "continuous-operation lease";

    /// <summary>The advisory lock key ("ContOp" in ASCII); advisory locks are scoped to their database.</summary>
    private const long AdvisoryLockKey = 0x436F6E744F70;

    private readonly IAsyncDisposable _held;

    private RunLease(IAsyncDisposable held) => _held = held;

    /// <exception cref="InfrastructureException">Another run holds the lease, or the database cannot be reached.</exception>
    public static async Task<RunLease> AcquireAsync(DatabaseTarget target, CancellationToken cancellationToken) =>
        new(target.Kind == DatabaseKind.Sqlite ? LockSidecar(target) : await LockAdvisoryAsync(target, cancellationToken));

    public ValueTask DisposeAsync() => _held.DisposeAsync();

    private static FileStream LockSidecar(DatabaseTarget target)
    {
        var file = target.SqliteFile + ".lease";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            // FileShare.None is an exclusive advisory lock (flock) on Unix and a share-mode lock on Windows.
            return new FileStream(file, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw Taken(target);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new InfrastructureException($"SQLite database {target.SqliteFile} cannot be leased for the run: {e.Message}", e);
        }
    }

    private static async Task<NpgsqlConnection> LockAdvisoryAsync(DatabaseTarget target, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Pooling = false, ApplicationName = PostgreSqlApplicationName };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock({AdvisoryLockKey})", connection);
            if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!) return connection;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            await connection.DisposeAsync();
            throw new InfrastructureException($"PostgreSQL at {target.Describe().Location} is unreachable: {e.Message}", e);
        }

        await connection.DisposeAsync();
        throw Taken(target);
    }

    private static InfrastructureException Taken(DatabaseTarget target) =>
        new($"another run is using the journal database {target.Describe().Location}; runs sharing a database must take turns");
}
