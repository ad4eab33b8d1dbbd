using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ContinuousOperation.Domain.Reporting;

namespace ContinuousOperation.Cli.Reporting;

/// <summary>Writes the JSON report, the human summary and the other report formats of a run into its folder.</summary>
internal static class ReportWriter
{
    /// <summary>snake_case keys in declaration order, which puts the seed format's keys first.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static byte[] ToJson(RunReport report) => JsonSerializer.SerializeToUtf8Bytes(report, Json);

    /// <summary>The JSON and the summary come first: they decide and explain the exit code, and a CI job that reads
    /// them should find them however the rest goes.</summary>
    public static void Write(RunFolder folder, RunReport report, string summary)
    {
        AtomicFile.Write(folder.ReportFile, ToJson(report));
        AtomicFile.Write(folder.SummaryFile, Encoding.UTF8.GetBytes(summary));
        ReportFormats.Write(folder, report);
    }
}
