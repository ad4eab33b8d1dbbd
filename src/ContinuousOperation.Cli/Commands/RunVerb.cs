using Akka.Actor;
using ContinuousOperation.Actors.Run;
using ContinuousOperation.Cli.Database;
using ContinuousOperation.Cli.Hosting;
using ContinuousOperation.Cli.LiveConsole;
using ContinuousOperation.Cli.Reporting;
using ContinuousOperation.Domain.Reporting;
using ContinuousOperation.Domain.Run;
using Serilog;

namespace ContinuousOperation.Cli.Commands;

/// <summary>What <c>run</c> does, in order: database check → folder → logging → actor system → run → report → exit
/// code. Until the run's coordinator exists nothing of value has been made, so a rejection (exit 2 or 3) or a signal
/// before that point removes the run folder again: a run that did not start leaves nothing behind.</summary>
internal static class RunVerb
{
    public static async Task<int> ExecuteAsync(RunOptions options, ProcessSignals signals, CancellationToken cancellationToken)
    {
        // A database given by the user is checked and leased (it may be shared) before the folder exists, so a refused
        // run leaves nothing behind; the default one is new, inside the folder, and needs no lease.
        if (options.Database is { } given) await DatabasePreparation.PrepareForRunAsync(given, cancellationToken);
        await using var lease = options.Database is { } shared ? await RunLease.AcquireAsync(shared, cancellationToken) : null;
        cancellationToken.ThrowIfCancellationRequested();

        var folder = RunFolder.Create(options.ReportDirectory, DateTimeOffset.UtcNow, options.Settings.Seed);
        RunLogging? logging = null;
        var started = false;
        var failed = true;
        try
        {
            logging = RunLogging.Start(folder.LogFile, live: ConsoleMode.IsInteractive());
            var settings = options.Settings with { SamplesFile = folder.SamplesFile };
            var database = options.Database ?? DatabaseTarget.SqliteFileAt(folder.JournalFile);
            Log.Information(
                "Run {RunId} of {Duration} with seed {Seed} on {Symbols}, market {Market}, speed {Speed}x; output in {Folder}",
                settings.Run, settings.Duration, settings.Seed, settings.Symbols.Select(s => s.Value), settings.Market.Condition, settings.Speed, folder.Path);
            if (options.Database is null) await DatabasePreparation.PrepareForRunAsync(database, cancellationToken);

            await using var host = await ActorHost.StartAsync(database, options.UserConfig, cancellationToken);
            settings = settings with { Snapshots = SnapshotConfig.Read(host.System.Settings.Config) };
            // Recorded last before trading, so a run that never started leaves no manifest behind.
            var record = await RunRecord.OpenAsync(database, settings, DateTimeOffset.UtcNow, cancellationToken);
            var run = host.System.ActorOf(RunCoordinator.Props(settings, DatabaseOutages.For(database)), "run");
            signals.RunStarted(run);
            started = true;

            var outcome = await RunToTheEndAsync(host.System, run);
            // Signals are still handled (and ignored) until the process ends: one while the report is being written
            // must not kill the process and leave a half-written run folder.
            signals.RunEnded();
            var exitCode = await ReportAsync(folder, settings, database, outcome, logging, record);
            failed = false;
            return exitCode;
        }
        catch (Exception e) when (e is not (UsageException or InfrastructureException or OperationCanceledException))
        {
            Log.Fatal(e, "The run failed unexpectedly");
            throw new InfrastructureException($"run failed: {e.GetType().Name}: {e.Message}", e);
        }
        finally
        {
            try
            {
                logging?.Dispose();
            }
            catch (InfrastructureException) when (failed)
            {
                // A full disk fails the report first and the log after it: the first failure explains the exit.
            }
            finally
            {
                if (!started) folder.Discard();
            }
        }
    }

    private static async Task<int> ReportAsync(
        RunFolder folder, RunSettings settings, DatabaseTarget database, RunOutcome? outcome, RunLogging logging, RunRecord record)
    {
        if (outcome is not RunCompleted completed)
        {
            var reason = outcome is RunFailed failed ? failed.Reason : "the run's coordinator or the actor system stopped before the run ended";
            throw new InfrastructureException($"run failed: {reason} (run.log and samples.ndjson in {folder.Path} hold what was recorded)");
        }

        var report = RunReportBuilder.Build(settings, database.Describe(),
            new RunResult(completed.Metrics, completed.Consistency, completed.Interrupted, completed.StartedAt, completed.EndedAt,
                completed.Faults));
        var exitCode = ExitCodeOf(report);
        var summary = RunSummary.Render(report, exitCode);
        await record.CloseAsync(report, completed.Consistency, CancellationToken.None);
        logging.EndLiveStatus();
        Console.Out.Write(summary);
        ReportWriter.Write(folder, report, summary);
        Log.Information("Report written to {ReportFile}", folder.ReportFile);
        return exitCode;
    }

    /// <summary>Waits for the coordinator's outcome however long the run lasts. Returns null if the coordinator stops
    /// (for example because it failed to start) or the actor system dies first, rather than waiting forever.</summary>
    internal static async Task<RunOutcome?> RunToTheEndAsync(ActorSystem system, IActorRef run)
    {
        var outcome = run.Ask<RunOutcome>(WaitForRunOutcome.Instance);
        await Task.WhenAny(outcome, run.WatchAsync(), system.WhenTerminated);
        return outcome.IsCompletedSuccessfully ? await outcome : null;
    }

    private static int ExitCodeOf(RunReport report) => report switch
    {
        { Interrupted: true } => ExitCodes.Interrupted,
        { Success: true } => ExitCodes.Passed,
        _ => ExitCodes.CriterionFailed,
    };
}
