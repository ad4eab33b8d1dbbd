namespace ContinuousOperation.Actors.Faults;

/// <summary>
/// Makes the journal database really refuse writes, for the database-outage fault. The outage is in effect once
/// <see cref="BeginAsync"/> has completed and lasts until the returned handle is disposed. Implementations live with
/// the database drivers (the CLI): for SQLite another connection holds the write lock; for PostgreSQL the journal's
/// connections are terminated again and again.
/// </summary>
public interface IDatabaseOutage
{
    Task<IAsyncDisposable> BeginAsync(CancellationToken cancellationToken);
}
