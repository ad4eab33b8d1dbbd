using System.Text.Json;
using ContinuousOperation.Actors.Run;
using ContinuousOperation.Domain.Reporting;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Cli.Reporting;

/// <summary>
/// <c>progress-N.json</c>: segment N's latest <see cref="RunCheckpoint"/>, rewritten whole (temporary file, then rename)
/// every few seconds, so after a <c>kill -9</c> it holds the last complete checkpoint, never half of one. A file per
/// segment, not a table in the journal database: the run folder is what a resume is given, the checkpoint must not
/// compete with the journal's writers (SQLite has one), and a database outage fault must not stop it. Its size is
/// bounded whatever the run's length (error groups and the fault schedule are bounded).
/// </summary>
internal sealed class ProgressFile(string path) : IRunProgress
{
    private const string Prefix = "progress-";

    public static ProgressFile For(RunFolder folder, int segment) => new(Path.Combine(folder.Path, $"{Prefix}{segment}.json"));

    public void Save(RunCheckpoint checkpoint) => AtomicFile.Write(path, JsonSerializer.SerializeToUtf8Bytes(checkpoint, ReportJson.Lines));

    /// <summary>The segments the folder's run has already run (none for a run killed before its first checkpoint).</summary>
    /// <exception cref="InfrastructureException">A checkpoint cannot be read (files are replaced whole, so only damage
    /// from outside explains it).</exception>
    public static RunHistory History(RunFolder folder) =>
        new(Directory.EnumerateFiles(folder.Path, $"{Prefix}*.json").Select(Read));

    private static RunCheckpoint Read(string file)
    {
        try
        {
            return JsonSerializer.Deserialize<RunCheckpoint>(File.ReadAllBytes(file), ReportJson.Lines)
                   ?? throw new JsonException("empty");
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new InfrastructureException($"the run's progress {file} cannot be read: {e.Message}", e);
        }
    }
}
