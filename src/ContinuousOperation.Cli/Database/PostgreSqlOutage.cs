using System.Data;
using ContinuousOperation.Actors.Faults;
using Npgsql;
using Serilog;

namespace ContinuousOperation.Cli.Database;

/// <summary>
/// A PostgreSQL outage: a connection of its own terminates every other session of the journal's role on the journal's
/// database, again every <see cref="SweepInterval"/> until disposed, so each write fails with "terminating connection
/// due to administrator command". Between two sweeps a fresh connection could still commit, so the outage also holds
/// an EXCLUSIVE lock on the journal table (reads go on, inserts wait) until the next sweep cuts the waiting writer off.
/// Terminating sessions of the same role needs no superuser. The run's lease session (<see cref="RunLease"/>) is
/// spared: losing it would let a second run start on the same database.
/// </summary>
internal sealed class PostgreSqlOutage(string connectionString) : IDatabaseOutage
{
    public static readonly TimeSpan SweepInterval = TimeSpan.FromMilliseconds(100);

    private const string TerminateOthers = $"""
        SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
        WHERE datname = current_database() AND usename = current_user AND pid <> pg_backend_pid()
          AND application_name <> '{RunLease.PostgreSqlApplicationName}'
        """;

    public async Task<IAsyncDisposable> BeginAsync(CancellationToken cancellationToken)
    {
        // Unpooled and named, so that it is never handed to the journal and is easy to spot in pg_stat_activity.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = "continuous-operation outage" };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await ExecuteAsync(connection, TerminateOthers, cancellationToken);
            await ExecuteAsync(connection, $"""
                BEGIN;
                DO $$ BEGIN
                  IF to_regclass('{DatabaseTarget.JournalTable}') IS NOT NULL THEN LOCK TABLE {DatabaseTarget.JournalTable} IN EXCLUSIVE MODE; END IF;
                END $$;
                """, cancellationToken);
            await ExecuteAsync(connection, TerminateOthers, cancellationToken);
            return new Sweeper(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Sweeps until disposed; disposing releases the lock before it returns, so the outage is over by then.</summary>
    private sealed class Sweeper : IAsyncDisposable
    {
        private readonly NpgsqlConnection _connection;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _sweeping;

        public Sweeper(NpgsqlConnection connection)
        {
            _connection = connection;
            _sweeping = Task.Run(SweepAsync);
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _sweeping;
            _stop.Dispose();
            await using (_connection)
            {
                if (_connection.State == ConnectionState.Open) await ExecuteAsync(_connection, "ROLLBACK", CancellationToken.None);
            }
        }

        private async Task SweepAsync()
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    await Task.Delay(SweepInterval, _stop.Token);
                    // Not cancelled by the token: a sweep takes a millisecond, and an interrupted one would break the connection.
                    await ExecuteAsync(_connection, TerminateOthers, CancellationToken.None);
                }
            }
            catch (OperationCanceledException)
            {
                // Disposed: the outage is over.
            }
            catch (NpgsqlException e)
            {
                // The outage's own session is gone (server restart, network): so is its lock, and the outage ends early.
                Log.Warning(e, "Database outage ended early: its PostgreSQL session failed");
            }
        }
    }
}
