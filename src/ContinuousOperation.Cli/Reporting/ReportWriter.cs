using System.Text;
using System.Text.Json;
using ContinuousOperation.Domain.Reporting;

namespace ContinuousOperation.Cli.Reporting;

/// <summary>Writes the JSON report, the human summary and the other report formats of a run into its folder.</summary>
internal static class ReportWriter
{
    public static byte[] ToJson(RunReport report) => JsonSerializer.SerializeToUtf8Bytes(report, ReportJson.Report);

    /// <summary>The JSON and the summary come first: they decide and explain the exit code, and a CI job that reads
    /// them should find them however the rest goes.</summary>
    public static void Write(RunFolder folder, RunReport report, string summary)
    {
        AtomicFile.Write(folder.ReportFile, ToJson(report));
        AtomicFile.Write(folder.SummaryFile, Encoding.UTF8.GetBytes(summary));
        ReportFormats.Write(folder, report);
    }
}
