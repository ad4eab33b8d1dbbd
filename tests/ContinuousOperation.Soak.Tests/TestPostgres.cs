using Npgsql;

namespace ContinuousOperation.Soak.Tests;

/// <summary>The PostgreSQL server the tests may use, and a database of its own for each test that writes a journal:
/// a journal left in a database carries over into the next run that uses it.</summary>
internal static class TestPostgres
{
    public const string Variable = "CONTINUOUS_OPERATION_POSTGRES";

    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } connectionString ? connectionString : null;

    /// <summary>Creates an empty database owned by the server's test role; disposing drops it.</summary>
    public static async Task<TestDatabase> CreateDatabaseAsync()
    {
        var server = ConnectionString ?? throw new InvalidOperationException($"{Variable} is not set");
        var name = $"soak_test_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE DATABASE {name}");
        return new TestDatabase(server, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, name);
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<long> CountAsync(string connectionString, string table)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    internal sealed class TestDatabase(string server, string connectionString, string name) : IAsyncDisposable
    {
        public string ConnectionString { get; } = connectionString;

        public async ValueTask DisposeAsync()
        {
            // FORCE ends the sessions still open in it; their pooled connections are useless from now on.
            await using (var pooled = new NpgsqlConnection(ConnectionString)) NpgsqlConnection.ClearPool(pooled);
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }
}
