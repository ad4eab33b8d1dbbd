using System.Globalization;

namespace ContinuousOperation.Cli.Reporting;

/// <summary>One folder per run, <c>run_YYYYMMDD_HHMMSS_seedN</c> (UTC), holding everything the run leaves behind.</summary>
/// <param name="MadeReportDirectory">Whether creating the run folder also created <c>--report-dir</c>.</param>
internal sealed record RunFolder(string Path, string Stamp, bool MadeReportDirectory = false)
{
    public string JournalFile => System.IO.Path.Combine(Path, "journal.db");
    public string LogFile => System.IO.Path.Combine(Path, "run.log");
    public string ReportFile => System.IO.Path.Combine(Path, $"continuous_operation_{Stamp}.json");
    public string SummaryFile => System.IO.Path.Combine(Path, "summary.txt");
    public string SamplesFile => System.IO.Path.Combine(Path, "samples.ndjson");
    public string MarkdownFile => System.IO.Path.Combine(Path, "summary.md");
    public string JUnitFile => System.IO.Path.Combine(Path, "junit.xml");
    public string HtmlFile => System.IO.Path.Combine(Path, "report.html");
    public string ChartsFolder => System.IO.Path.Combine(Path, "charts");

    /// <summary>Creates a fresh folder; a second run in the same second with the same seed gets a suffix rather than
    /// sharing (and appending to) the first one's journal.</summary>
    public static RunFolder Create(string reportDirectory, DateTimeOffset startedAt, int seed)
    {
        var stamp = startedAt.UtcDateTime.ToString("yyyyMMdd_HHmmss", CultureInfo.InvariantCulture);
        try
        {
            var parent = System.IO.Path.GetFullPath(reportDirectory);
            var madeParent = !Directory.Exists(parent);
            var baseName = System.IO.Path.Combine(parent, $"run_{stamp}_seed{seed}");
            var path = baseName;
            for (var attempt = 2; Directory.Exists(path); attempt++) path = $"{baseName}_{attempt}";
            Directory.CreateDirectory(path);
            return new RunFolder(path, stamp, madeParent);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"--report-dir {reportDirectory} cannot be written: {e.Message}");
        }
    }

    /// <summary>Removes the folder of a run that never started (it holds only the start-up log, perhaps an empty
    /// journal), and <c>--report-dir</c> too if this run made it and it is empty: a rejected run leaves nothing.</summary>
    public void Discard()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
            var parent = System.IO.Path.GetDirectoryName(Path)!;
            if (MadeReportDirectory && !Directory.EnumerateFileSystemEntries(parent).Any()) Directory.Delete(parent);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the line on stderr about why the run did not start matters more than the folder.
        }
    }
}
