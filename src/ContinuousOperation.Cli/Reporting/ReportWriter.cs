using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ContinuousOperation.Domain.Reporting;

namespace ContinuousOperation.Cli.Reporting;

/// <summary>Writes the JSON report and the human summary of a run into its folder.</summary>
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

    public static void Write(RunFolder folder, RunReport report, string summary)
    {
        AtomicFile.Write(folder.ReportFile, ToJson(report));
        AtomicFile.Write(folder.SummaryFile, Encoding.UTF8.GetBytes(summary));
    }
}
