using System.Text.Json;
using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Reporting;

namespace ContinuousOperation.Actors.Monitoring;

/// <summary>
/// <c>samples.ndjson</c>: one resource sample per line, in the shape of the report's <c>resources</c> entries, appended
/// and flushed as each sample is taken. A run that is killed leaves every sample taken up to then; a line cut short by
/// the kill is the last one and is the only one a reader has to skip.
/// </summary>
public sealed class SamplesFile : IDisposable
{
    private readonly StreamWriter writer;

    public SamplesFile(string path)
    {
        // Append: a restarted metrics actor (or a resumed run) continues the series instead of truncating it.
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        writer = new StreamWriter(stream) { NewLine = "\n" };
        // A line a kill cut short stays one bad line: the next sample starts on a line of its own.
        if (stream.Length > 0 && !EndsWithNewLine(path)) writer.WriteLine();
    }

    private static bool EndsWithNewLine(string path)
    {
        using var reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        reader.Seek(-1, SeekOrigin.End);
        return reader.ReadByte() == '\n';
    }

    public void Append(ResourceSample sample)
    {
        writer.WriteLine(JsonSerializer.Serialize(ResourceEntry.From(sample), ReportJson.Lines));
        writer.Flush();
    }

    public void Dispose() => writer.Dispose();

    /// <summary>Every sample in the file, for a resumed run's report. A line that does not read (the one a kill cut
    /// short) is skipped; no file is no sample.</summary>
    public static IReadOnlyList<ResourceSample> Read(string path)
    {
        if (!File.Exists(path)) return [];
        var samples = new List<ResourceSample>();
        foreach (var line in File.ReadLines(path))
        {
            try
            {
                if (JsonSerializer.Deserialize<ResourceEntry>(line, ReportJson.Lines) is { } entry) samples.Add(entry.ToSample());
            }
            catch (JsonException)
            {
                // A torn last line: the kill came while it was being written.
            }
        }

        return samples;
    }
}
