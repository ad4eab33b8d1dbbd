using Akka.Actor;
using ContinuousOperation.Actors.Run;
using ContinuousOperation.Cli.Database;
using ContinuousOperation.Cli.Hosting;
using ContinuousOperation.Cli.LiveConsole;
using ContinuousOperation.Cli.Reporting;
using ContinuousOperation.Domain.Reporting;
using Serilog;

namespace ContinuousOperation.Cli.Commands;

/// <summary>What <c>run</c> does, in order: folder → logging → database → actor system → run → report → exit code.</summary>
internal static class RunVerb
{
    public static async Task<int> ExecuteAsync(RunOptions options, CancellationToken cancellationToken)
    {
        // A database given with --db may be shared: lease it before the run folder exists, so a refused run leaves
        // nothing behind. The default journal is new, in the run's own folder, and needs no lease.
        await using var lease = options.Database is { } shared ? await RunLease.AcquireAsync(shared, cancellationToken) : null;
        var folder = RunFolder.Create(options.ReportDirectory, DateTimeOffset.UtcNow, options.Settings.Seed);
        var settings = options.Settings with { SamplesFile = folder.SamplesFile };
        using var logging = RunLogging.Start(folder.LogFile, live: ConsoleMode.IsInteractive());
        var database = options.Database ?? DatabaseTarget.SqliteFileAt(folder.JournalFile);
        Log.Information(
            "Run {RunId} of {Duration} with seed {Seed} on {Symbols}, market {Market}, speed {Speed}x; output in {Folder}",
            settings.Run, settings.Duration, settings.Seed, settings.Symbols.Select(s => s.Value), settings.Market.Condition, settings.Speed, folder.Path);

        await DatabasePreparation.PrepareForRunAsync(database, cancellationToken);
        var record = await RunRecord.OpenAsync(database, settings, DateTimeOffset.UtcNow, cancellationToken);
        await using var host = await ActorHost.StartAsync(database, options.UserConfig, cancellationToken);

        var run = host.System.ActorOf(RunCoordinator.Props(settings, DatabaseOutages.For(database)), "run");
        // Held until the report is written, not only until the outcome arrives: a signal while the report is being
        // written must not kill the process and leave a half-written run folder.
        using var stopSignal = new StopSignal(run);
        var outcome = await RunToTheEndAsync(host.System, run);
        stopSignal.RunEnded();
        if (outcome is not RunCompleted completed)
        {
            var reason = outcome is RunFailed failed ? failed.Reason : "the actor system terminated before the run ended";
            throw new InfrastructureException($"run failed: {reason}");
        }

        var report = RunReportBuilder.Build(settings, database.Describe(),
            new RunResult(completed.Metrics, completed.Consistency, completed.Interrupted, completed.StartedAt, completed.EndedAt,
                completed.Faults));
        var exitCode = ExitCodeOf(report);
        var summary = RunSummary.Render(report, exitCode);
        ReportWriter.Write(folder, report, summary);
        await record.CloseAsync(report, completed.Consistency, CancellationToken.None);
        logging.EndLiveStatus();
        Console.Out.Write(summary);
        Log.Information("Report written to {ReportFile}", folder.ReportFile);
        return exitCode;
    }

    /// <summary>Waits for the coordinator's outcome however long the run lasts. Returns null if the actor system dies
    /// first, rather than waiting forever.</summary>
    private static async Task<RunOutcome?> RunToTheEndAsync(ActorSystem system, IActorRef run)
    {
        var outcome = run.Ask<RunOutcome>(WaitForRunOutcome.Instance);
        var first = await Task.WhenAny(outcome, system.WhenTerminated);
        return first == outcome ? await outcome : null;
    }

    private static int ExitCodeOf(RunReport report) => report switch
    {
        { Interrupted: true } => ExitCodes.Interrupted,
        { Success: true } => ExitCodes.Passed,
        _ => ExitCodes.CriterionFailed,
    };
}
