using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace ContinuousOperation.Soak.Tests;

/// <summary>A run's SQLite journal as files: copies to tamper with, SQL run straight against it, and fingerprints of
/// the database and its write-ahead log to prove a reader left them as they were.</summary>
internal static class SqliteJournalFile
{
    private static readonly string[] Companions = ["", "-wal"];

    /// <summary>SHA-256 of the database file and of its WAL (when there is one), keyed by file name.</summary>
    public static IReadOnlyDictionary<string, string> Fingerprint(string database) =>
        Companions.Select(suffix => database + suffix).Where(File.Exists)
            .ToDictionary(file => Path.GetFileName(file), file => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file))));

    /// <summary>Copies the database (and its WAL, if any) to <paramref name="copy"/>.</summary>
    public static string Copy(string database, string copy)
    {
        foreach (var suffix in Companions.Where(suffix => File.Exists(database + suffix)))
            File.Copy(database + suffix, copy + suffix, overwrite: true);
        return copy;
    }

    public static async Task<int> ExecuteAsync(string database, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return await command.ExecuteNonQueryAsync();
    }

    public static async Task<List<T>> QueryAsync<T>(string database, string sql, Func<SqliteDataReader, T> read)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(read(reader));
        return rows;
    }
}
