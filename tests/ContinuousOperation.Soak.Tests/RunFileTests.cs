using ContinuousOperation.Cli;
using ContinuousOperation.Cli.Database;
using ContinuousOperation.Cli.Reporting;
using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Soak.Tests;

/// <summary><c>run.json</c> gives a resumed run exactly the settings the run started with, and never a password.</summary>
public sealed class RunFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("run-file-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void The_settings_read_back_are_the_settings_written_fault_rules_and_criteria_included()
    {
        var settings = new RunSettings(TimeSpan.FromHours(48), InstrumentCatalog.First(3), Seed: 77,
            new MarketSettings(MarketCondition.Volatile, 0.05), Speed: 24, TimeSpan.FromSeconds(15), TimeSpan.FromMinutes(2),
            new CriteriaThresholds(MaxCpuPercent: 60, MemoryWarmUp: TimeSpan.FromMinutes(20)) { MaxSymbolSilence = TimeSpan.FromMinutes(3) })
        {
            Run = RunId.New(DateTimeOffset.UtcNow, 77, new Random(3)),
            Faults = FaultProfile.Heavy,
            ReconcileInterval = TimeSpan.FromMinutes(5),
        };
        var folder = new RunFolder(_directory, "20261127_120000");

        RunFile.Write(folder, new RunFile(RunFile.CurrentVersion, settings.Run.Value, folder.Stamp, DateTimeOffset.UtcNow,
            StoredRunSettings.From(settings), new DatabaseReference(DatabaseReference.EnvironmentVariable, "SOAK_DB"), null));
        var read = RunFile.Read(_directory);
        var again = read.Settings.ToSettings(read.Run);

        Assert.Equal(settings.Run, again.Run);
        Assert.Equal(settings.Instruments, again.Instruments);
        Assert.Equal(settings with { Instruments = again.Instruments, Faults = again.Faults }, again);
        Assert.Equal(settings.Faults.Name, again.Faults.Name);
        Assert.Equal(settings.Faults.Rules.OrderBy(r => r.Key), again.Faults.Rules.OrderBy(r => r.Key));
        Assert.Equal(("environment-variable", "SOAK_DB"), (read.Database.Kind, read.Database.Value));
    }

    [Fact]
    public void A_postgresql_connection_string_given_inline_is_not_kept_and_a_resume_must_name_the_database_again()
    {
        var inline = DatabaseTarget.Parse("Host=db.example;Database=soak;Username=u;Password=hunter2");
        var named = new DatabaseReference(DatabaseReference.Inline, inline.Describe().Location);

        var kept = DatabaseReference.Of(inline, named);

        Assert.DoesNotContain("hunter2", kept.Value);
        var refused = Assert.Throws<UsageException>(() => kept.Resolve(_directory));
        Assert.Contains("--db-env or --db-file", refused.Message);
    }
}
