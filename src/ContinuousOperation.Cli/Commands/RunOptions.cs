using Akka.Configuration;
using ContinuousOperation.Cli.Database;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Cli.Commands;

/// <summary>A validated <c>run</c> command line. <see cref="Database"/> is null for the default: <c>journal.db</c>
/// inside the run folder, which only exists once the run starts. <see cref="DatabaseNamed"/> and
/// <see cref="ConfigFile"/> are what <c>run.json</c> keeps for a resume.</summary>
internal sealed record RunOptions(RunSettings Settings, DatabaseTarget? Database, string ReportDirectory, Config? UserConfig)
{
    public DatabaseReference DatabaseNamed { get; init; } = DatabaseReference.InRunFolder;

    public string? ConfigFile { get; init; }
}
