using System.Text.Json;
using System.Text.Json.Serialization;
using ContinuousOperation.Cli.Database;
using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Reporting;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Cli.Reporting;

/// <summary>
/// <c>run.json</c> in the run folder: what <c>run --resume</c> needs to continue the run, written atomically once the
/// run has started (its manifest is in the database). It holds the settings as they were resolved (the seed drawn, the
/// fault profile's rules, not the name of a file that may have changed since), how the database was named (never a
/// password, see <see cref="DatabaseReference"/>) and the <c>--config</c> file, which a resume reads again.
/// </summary>
internal sealed record RunFile(
    int Version,
    string RunId,
    string Stamp,
    DateTimeOffset StartedAt,
    StoredRunSettings Settings,
    DatabaseReference Database,
    string? ConfigFile)
{
    public const string FileName = "run.json";
    public const int CurrentVersion = 1;

    public static void Write(RunFolder folder, RunFile file) =>
        AtomicFile.Write(Path.Combine(folder.Path, FileName), JsonSerializer.SerializeToUtf8Bytes(file, ReportJson.Report));

    /// <exception cref="UsageException">The folder is not a run folder, or its run.json cannot be used.</exception>
    /// <param name="option">The option that named the folder, for the error messages.</param>
    public static RunFile Read(string folder, string option = "--resume")
    {
        var path = Path.Combine(folder, FileName);
        if (!Directory.Exists(folder)) throw new UsageException($"{option}: {folder} is not a folder");
        if (!File.Exists(path)) throw new UsageException($"{option}: {folder} is not a run folder (it has no {FileName})");
        RunFile? file;
        try
        {
            file = JsonSerializer.Deserialize<RunFile>(File.ReadAllBytes(path), ReportJson.Report);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new UsageException($"{option}: {path} cannot be read: {e.Message}");
        }

        if (file is null || file.Settings is null || file.Database is null || !Domain.Run.RunId.TryParse(file.RunId, out _))
            throw new UsageException($"{option}: {path} is not a run's {FileName}");
        if (file.Version != CurrentVersion)
            throw new UsageException($"{option}: {path} is version {file.Version}; this build resumes version {CurrentVersion}");
        return file;
    }

    [JsonIgnore]
    public RunId Run => Domain.Run.RunId.TryParse(RunId, out var id) ? id : throw new InvalidOperationException("checked on read");
}

/// <summary>The settings of <see cref="RunSettings"/> that define a run, in a shape that reads back.</summary>
internal sealed record StoredRunSettings(
    TimeSpan Duration,
    IReadOnlyList<string> Symbols,
    int Seed,
    MarketSettings Market,
    double Speed,
    TimeSpan SampleInterval,
    TimeSpan ProgressInterval,
    TimeSpan ReconcileInterval,
    CriteriaThresholds Criteria,
    double SelfTestLeakMbPerMinute,
    FaultProfile Faults)
{
    public static StoredRunSettings From(RunSettings s) => new(
        s.Duration, s.Symbols.Select(x => x.Value).ToArray(), s.Seed, s.Market, s.Speed, s.SampleInterval, s.ProgressInterval,
        s.ReconcileInterval, s.Criteria, s.SelfTestLeakMbPerMinute, s.Faults);

    public RunSettings ToSettings(RunId run) => new(
        Duration, Symbols.Select(x => InstrumentCatalog.For(new Symbol(x))).ToArray(), Seed, Market, Speed, SampleInterval,
        ProgressInterval, Criteria, SelfTestLeakMbPerMinute)
    {
        Run = run,
        Faults = Faults,
        ReconcileInterval = ReconcileInterval,
    };
}
