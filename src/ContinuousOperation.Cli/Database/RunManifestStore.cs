using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Reporting;
using ContinuousOperation.Domain.Run;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ContinuousOperation.Cli.Database;

/// <summary>
/// The <c>run_manifest</c> table of the journal database, in plain ADO.NET and SQL that SQLite and PostgreSQL share:
/// one row per run, inserted before trading and completed by the closing record. Each write is one transaction.
/// Times are ISO 8601 text and the journal tallies one JSON column, so both databases store them alike.
/// </summary>
internal sealed class RunManifestStore(DatabaseTarget target)
{
    public const string Table = "run_manifest";

    private const string Create = $"""
        CREATE TABLE IF NOT EXISTS {Table} (
            run_id VARCHAR(64) PRIMARY KEY,
            started_at VARCHAR(40) NOT NULL,
            seed INTEGER NOT NULL,
            symbols TEXT NOT NULL,
            configuration TEXT NOT NULL,
            status VARCHAR(16) NOT NULL,
            ended_at VARCHAR(40),
            verdict VARCHAR(16),
            journals TEXT)
        """;

    private const string Running = "running";
    private const string Closed = "closed";

    public async Task RecordStartAsync(RunManifest manifest, CancellationToken cancellationToken) =>
        await WriteAsync(async (connection, transaction) =>
        {
            await ExecuteAsync(connection, transaction, Create, []);
            await ExecuteAsync(connection, transaction,
                $"INSERT INTO {Table} (run_id, started_at, seed, symbols, configuration, status) " +
                "VALUES (@run, @started, @seed, @symbols, @configuration, @status)",
                [("run", manifest.Run.Value), ("started", Text(manifest.StartedAt)), ("seed", manifest.Seed),
                 ("symbols", string.Join(",", manifest.Symbols.Select(s => s.Value))), ("configuration", manifest.Configuration),
                 ("status", Running)]);
        }, "record the run's manifest", cancellationToken);

    public async Task RecordCloseAsync(RunId run, RunClosing closing, CancellationToken cancellationToken) =>
        await WriteAsync(async (connection, transaction) =>
        {
            var updated = await ExecuteAsync(connection, transaction,
                $"UPDATE {Table} SET status = @status, ended_at = @ended, verdict = @verdict, journals = @journals WHERE run_id = @run AND status = @running",
                [("status", Closed), ("ended", Text(closing.EndedAt)), ("verdict", closing.Verdict),
                 ("journals", JsonSerializer.Serialize(closing.Journals, ReportJson.Lines)), ("run", run.Value), ("running", Running)]);
            if (updated != 1) throw new InfrastructureException($"run {run} has no open manifest in {target.Describe().Location} to close");
        }, "record the run's closing", cancellationToken);

    /// <summary>Every run recorded, in no particular order; none when the table does not exist. Reads only.</summary>
    public async Task<IReadOnlyList<RunManifest>> ReadAllAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = Connect();
            await connection.OpenAsync(cancellationToken);
            await using var exists = connection.CreateCommand();
            exists.CommandText = target.Kind == DatabaseKind.Sqlite
                ? $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{Table}'"
                : $"SELECT count(*) FROM pg_tables WHERE tablename = '{Table}' AND schemaname = current_schema()";
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0) return [];

            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT run_id, started_at, seed, symbols, configuration, ended_at, verdict, journals FROM {Table}";
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            var runs = new List<RunManifest>();
            while (await reader.ReadAsync(cancellationToken)) runs.Add(Manifest(reader));
            return runs;
        }
        catch (DbException e)
        {
            throw new InfrastructureException($"the run manifests of {target.Describe().Location} cannot be read: {e.Message}", e);
        }
    }

    private RunManifest Manifest(DbDataReader row)
    {
        var id = row.GetString(0);
        if (!RunId.TryParse(id, out var run)) throw Corrupt($"run id '{id}' is not a run id");
        var closing = row.IsDBNull(5)
            ? null
            : new RunClosing(Time(row.GetString(5)), row.IsDBNull(6) ? "" : row.GetString(6),
                row.IsDBNull(7) ? [] : JsonSerializer.Deserialize<JournalTally[]>(row.GetString(7), ReportJson.Lines) ?? []);
        return new RunManifest(run, Time(row.GetString(1)), Convert.ToInt32(row.GetValue(2), CultureInfo.InvariantCulture),
            row.GetString(3).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => new Symbol(s)).ToArray(),
            row.GetString(4), closing);

        DateTimeOffset Time(string text) => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw Corrupt($"run {id} has an unreadable time '{text}'");
    }

    private InfrastructureException Corrupt(string what) =>
        new($"the run manifests of {target.Describe().Location} are damaged: {what}");

    private async Task WriteAsync(Func<DbConnection, DbTransaction, Task> write, string what, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = Connect();
            await connection.OpenAsync(cancellationToken);
            if (connection is SqliteConnection sqlite) await SqliteConnectionTuning.ApplyAsync(sqlite, cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await write(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbException or JsonException)
        {
            throw new InfrastructureException($"could not {what} in {target.Describe().Location}: {e.Message}", e);
        }
    }

    private DbConnection Connect() => target.Kind == DatabaseKind.Sqlite
        ? new SqliteConnection(target.ConnectionString)
        : new NpgsqlConnection(target.ConnectionString);

    private static async Task<int> ExecuteAsync(
        DbConnection connection, DbTransaction transaction, string sql, (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return await command.ExecuteNonQueryAsync();
    }

    private static string Text(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
