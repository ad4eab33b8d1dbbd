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
        // Append: a restarted metrics actor continues the series instead of truncating it.
        writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read)) { NewLine = "\n" };
    }

    public void Append(ResourceSample sample)
    {
        writer.WriteLine(JsonSerializer.Serialize(ResourceEntry.From(sample), ReportJson.Lines));
        writer.Flush();
    }

    public void Dispose() => writer.Dispose();
}
