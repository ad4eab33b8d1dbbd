using System.Globalization;

namespace ContinuousOperation.Cli.Reporting;

/// <summary>One folder per run, <c>run_YYYYMMDD_HHMMSS_seedN</c> (UTC), holding everything the run leaves behind.</summary>
internal sealed record RunFolder(string Path, string Stamp)
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
        var baseName = System.IO.Path.Combine(System.IO.Path.GetFullPath(reportDirectory), $"run_{stamp}_seed{seed}");
        try
        {
            var path = baseName;
            for (var attempt = 2; Directory.Exists(path); attempt++) path = $"{baseName}_{attempt}";
            Directory.CreateDirectory(path);
            return new RunFolder(path, stamp);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--report-dir {reportDirectory} cannot be written: {e.Message}");
        }
    }
}
