using ContinuousOperation.Cli;
using ContinuousOperation.Cli.Database;
using Npgsql;

namespace ContinuousOperation.Soak.Tests;

/// <summary>The PostgreSQL outage really refuses writes: through a pooled session opened before it, and through a
/// fresh one opened during it. Nothing written during the outage is in the table afterwards.</summary>
public sealed class PostgreSqlOutageTests
{
    [PostgresFact]
    public async Task While_the_outage_lasts_writes_fail_and_afterwards_they_succeed()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        await TestPostgres.ExecuteAsync(database.ConnectionString, "CREATE TABLE journal (payload text)");
        await InsertAsync(database.ConnectionString, "before");
        var fresh = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString;

        var target = DatabaseTarget.Parse(database.ConnectionString);
        await using (await DatabaseOutages.For(target).BeginAsync(CancellationToken.None))
        {
            await Assert.ThrowsAnyAsync<NpgsqlException>(() => InsertAsync(database.ConnectionString, "during, pooled"));
            await Assert.ThrowsAnyAsync<NpgsqlException>(() => InsertAsync(fresh, "during, fresh"));
        }

        await InsertAsync(fresh, "after");
        Assert.Equal(2, await TestPostgres.CountAsync(fresh, "journal"));
    }

    [PostgresFact]
    public async Task The_outage_spares_the_runs_lease_so_no_second_run_can_start_during_it()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        await TestPostgres.ExecuteAsync(database.ConnectionString, "CREATE TABLE journal (payload text)");
        var target = DatabaseTarget.Parse(database.ConnectionString);
        await using var lease = await RunLease.AcquireAsync(target, CancellationToken.None);

        await using (await DatabaseOutages.For(target).BeginAsync(CancellationToken.None))
        {
            // The outage has terminated every other session of the role by now: had it ended the lease's, the lock
            // would be free.
            var second = await Assert.ThrowsAsync<InfrastructureException>(() => RunLease.AcquireAsync(target, CancellationToken.None));
            Assert.Contains("another run is using", second.Message);
        }
    }

    private static async Task InsertAsync(string connectionString, string payload)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("INSERT INTO journal (payload) VALUES (@payload)", connection);
        command.Parameters.AddWithValue("payload", payload);
        await command.ExecuteNonQueryAsync();
    }
}
