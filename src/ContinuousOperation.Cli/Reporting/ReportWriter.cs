using System.Text;
using System.Text.Json;
using ContinuousOperation.Domain.Reporting;

namespace ContinuousOperation.Cli.Reporting;

/// <summary>Writes the JSON report, the human summary and the other report formats of a run into its folder.</summary>
internal static class ReportWriter
{
    public static byte[] ToJson(RunReport report) => JsonSerializer.SerializeToUtf8Bytes(report, ReportJson.Report);

    /// <summary>The JSON and the summary come first: they decide and explain the exit code, and a CI job that reads
    /// them should find them however the rest goes. Each part is attempted even when an earlier one failed (a full
    /// disk may still take the small summary), so that whatever can be written is.</summary>
    /// <exception cref="InfrastructureException">A part could not be written; its first failure.</exception>
    public static void Write(RunFolder folder, RunReport report, string summary)
    {
        Action[] parts =
        [
            () => AtomicFile.Write(folder.ReportFile, ToJson(report)),
            () => AtomicFile.Write(folder.SummaryFile, Encoding.UTF8.GetBytes(summary)),
            () => ReportFormats.Write(folder, report),
        ];
        var failures = new List<Exception>();
        foreach (var part in parts)
        {
            try
            {
                part();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failures.Add(e);
            }
        }

        if (failures is [var first, ..])
        {
            throw new InfrastructureException($"the report in {folder.Path} could not be written completely: {first.Message}", first);
        }
    }
}
