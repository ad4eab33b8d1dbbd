using System.Text.Json;
using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Reporting;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Cli.Database;

/// <summary>A run's manifest in its journal database, from the row written before trading to the closing record.</summary>
internal sealed class RunRecord
{
    private readonly RunManifestStore _store;
    private readonly RunId _run;

    private RunRecord(RunManifestStore store, RunId run) => (_store, _run) = (store, run);

    /// <summary>Writes the manifest: run id, start, seed, symbols, and the settings that define the run as JSON.</summary>
    public static async Task<RunRecord> OpenAsync(
        DatabaseTarget database, RunSettings settings, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        var store = new RunManifestStore(database);
        var configuration = JsonSerializer.Serialize(ReportConfiguration.From(settings, database.Describe()), ReportJson.Lines);
        await store.RecordStartAsync(
            new RunManifest(settings.Run, startedAt, settings.Seed, settings.Symbols.ToArray(), configuration), cancellationToken);
        return new RunRecord(store, settings.Run);
    }

    /// <summary>The manifest of a run that is already recorded (a resumed run), to be closed at its end.</summary>
    public static RunRecord Existing(DatabaseTarget database, RunId run) => new(new RunManifestStore(database), run);

    /// <summary>Writes the closing record: from now on, the journals must hold exactly what <paramref name="consistency"/> read.</summary>
    public Task CloseAsync(RunReport report, ConsistencyReport consistency, CancellationToken cancellationToken) =>
        _store.RecordCloseAsync(_run, new RunClosing(report.EndedAt, Verdict(report), consistency.Journals), cancellationToken);

    private static string Verdict(RunReport report) => report switch
    {
        { Interrupted: true } => "interrupted",
        { Success: true } => "passed",
        _ => "failed",
    };
}
