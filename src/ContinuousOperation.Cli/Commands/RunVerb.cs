using Akka.Actor;
using Akka.Configuration;
using ContinuousOperation.Actors.Monitoring;
using ContinuousOperation.Actors.Run;
using ContinuousOperation.Cli.Database;
using ContinuousOperation.Cli.Hosting;
using ContinuousOperation.Cli.LiveConsole;
using ContinuousOperation.Cli.Parsing;
using ContinuousOperation.Cli.Reporting;
using ContinuousOperation.Domain.Cluster;
using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Reporting;
using ContinuousOperation.Domain.Run;
using Serilog;

namespace ContinuousOperation.Cli.Commands;

/// <summary>What <c>run</c> does, in order: database check → folder → logging → actor system → run → report → exit
/// code. Until the run's coordinator exists nothing of value has been made, so a rejection (exit 2 or 3) or a signal
/// before that point removes the run folder again: a run that did not start leaves nothing behind.
/// <c>run --resume FOLDER</c> (<see cref="ResumeAsync"/>) continues a killed run in its own folder, on its own journal.</summary>
internal static class RunVerb
{
    public static Task<int> ExecuteAsync(RunOptions options, ProcessSignals signals, CancellationToken cancellationToken) =>
        ExecuteAsync(options, LocalHost, signals, cancellationToken);

    /// <param name="host">Starts the actor system(s) the run lives in, once its folder and database are ready.</param>
    public static async Task<int> ExecuteAsync(
        RunOptions options, HostStarter host, ProcessSignals signals, CancellationToken cancellationToken)
    {
        // A database given by the user is checked and leased (it may be shared) before the folder exists, so a refused
        // run leaves nothing behind; the default one is new, inside the folder, and leased once the folder exists, so
        // that a resume of this run is refused while it is alive.
        if (options.Database is { } given) await DatabasePreparation.PrepareForRunAsync(given, cancellationToken);
        await using var lease = options.Database is { } shared ? await RunLease.AcquireAsync(shared, cancellationToken) : null;
        cancellationToken.ThrowIfCancellationRequested();

        var folder = RunFolder.Create(options.ReportDirectory, DateTimeOffset.UtcNow, options.Settings.Seed);
        var database = options.Database ?? DatabaseTarget.SqliteFileAt(folder.JournalFile);
        await using var folderLease = options.Database is null ? await RunLease.AcquireAsync(database, cancellationToken) : null;
        var run = new RunStart(folder, options.Settings, database, options.UserConfig, RunHistory.None, [],
            IsNew: true, host,
            // The default database is made in the folder, after logging starts, so that a failure is in run.log too.
            () => options.Database is null ? DatabasePreparation.PrepareForRunAsync(database, cancellationToken) : Task.CompletedTask,
            async settings =>
            {
                // Recorded last before trading, so a run that never started leaves no manifest (and no run.json) behind.
                var startedAt = DateTimeOffset.UtcNow;
                var record = await RunRecord.OpenAsync(database, settings, startedAt, cancellationToken);
                RunFile.Write(folder, new RunFile(RunFile.CurrentVersion, settings.Run.Value, folder.Stamp, startedAt,
                    StoredRunSettings.From(settings), DatabaseReference.Of(database, options.DatabaseNamed),
                    options.ConfigFile is null ? null : Path.GetFullPath(options.ConfigFile)));
                return record;
            });
        return await RunAsync(run, signals, cancellationToken);
    }

    /// <summary>Continues the killed run of <paramref name="folderPath"/>: same run id, settings, database and folder;
    /// what its earlier segments ran is not run again. <paramref name="database"/> overrides the database kept in
    /// <c>run.json</c> (needed when its connection string was given inline).</summary>
    public static async Task<int> ResumeAsync(
        string folderPath, DatabaseTarget? database, ProcessSignals signals, CancellationToken cancellationToken)
    {
        var file = RunFile.Read(folderPath);
        var folder = new RunFolder(Path.GetFullPath(folderPath), file.Stamp);
        var target = database ?? file.Database.Resolve(folder.Path);
        if (target.SqliteFile is { } sqlite && !File.Exists(sqlite))
            throw new InfrastructureException($"run {file.RunId} cannot be resumed: its journal database {sqlite} no longer exists");

        await using var lease = await RunLease.AcquireAsync(target, cancellationToken);
        await DatabasePreparation.PrepareForRunAsync(target, cancellationToken);
        var manifest = (await new RunManifestStore(target).ReadAllAsync(cancellationToken)).FirstOrDefault(m => m.Run == file.Run)
            ?? throw new InfrastructureException(
                $"run {file.RunId} cannot be resumed: the journal database {target.Describe().Location} does not hold it");
        if (manifest.Closing is { } closing)
            throw new UsageException($"--resume: run {file.RunId} finished at {closing.EndedAt:u} ({closing.Verdict}); there is nothing to resume");
        var userConfig = file.ConfigFile is null ? null : UserConfigFile.Read(file.ConfigFile);
        cancellationToken.ThrowIfCancellationRequested();

        var run = new RunStart(folder, file.Settings.ToSettings(file.Run), target, userConfig, ProgressFile.History(folder),
            SamplesFile.Read(folder.SamplesFile), IsNew: false, LocalHost, () => Task.CompletedTask,
            _ => Task.FromResult(RunRecord.Existing(target, file.Run)));
        return await RunAsync(run, signals, cancellationToken);
    }

    /// <summary>Starts the host of a run that writes into <paramref name="folder"/>.</summary>
    public delegate Task<IRunHost> HostStarter(
        RunFolder folder, DatabaseTarget database, Config? userConfig, CancellationToken cancellationToken);

    private static async Task<IRunHost> LocalHost(
        RunFolder folder, DatabaseTarget database, Config? userConfig, CancellationToken cancellationToken) =>
        new LocalRunHost(await ActorHost.StartAsync(database, userConfig, cancellationToken), DatabaseOutages.For(database));

    /// <summary>A run about to start: a new one (its folder is removed again if it does not start) or a resumed one
    /// (its folder is kept whatever happens). <see cref="Record"/> records (or finds) its manifest, the last step before
    /// trading.</summary>
    private sealed record RunStart(
        RunFolder Folder, RunSettings Settings, DatabaseTarget Database, Config? UserConfig, RunHistory History,
        IReadOnlyList<ResourceSample> EarlierSamples, bool IsNew, HostStarter Host, Func<Task> PrepareDatabase,
        Func<RunSettings, Task<RunRecord>> Record);

    private static async Task<int> RunAsync(RunStart start, ProcessSignals signals, CancellationToken cancellationToken)
    {
        var folder = start.Folder;
        RunLogging? logging = null;
        var started = false;
        var failed = true;
        try
        {
            logging = RunLogging.Start(folder.LogFile, live: ConsoleMode.IsInteractive());
            var settings = start.Settings with { SamplesFile = folder.SamplesFile };
            var database = start.Database;
            Log.Information(
                "Run {RunId} of {Duration} with seed {Seed} on {Symbols}, market {Market}, speed {Speed}x; output in {Folder}",
                settings.Run, settings.Duration, settings.Seed, settings.Symbols.Select(s => s.Value), settings.Market.Condition, settings.Speed, folder.Path);
            await start.PrepareDatabase();

            await using var host = await start.Host(folder, database, start.UserConfig, cancellationToken);
            settings = settings with { Snapshots = SnapshotConfig.Read(host.System.Settings.Config) };
            var record = await start.Record(settings);
            var progress = ProgressFile.For(folder, start.History.NextSegment);
            started = host.WritesBeforeTheRun;
            var run = await host.StartRunAsync(settings, start.History, progress, cancellationToken);
            signals.RunStarted(run);
            started = true;

            var live = logging.LiveConsole is { } sink && host.LiveMetrics is { } metrics ? LiveTicker.Start(sink, metrics) : null;
            var outcome = await RunToTheEndAsync(host.System, run);
            if (live is not null) await live.DisposeAsync();
            // Signals are still handled (and ignored) until the process ends: one while the report is being written
            // must not kill the process and leave a half-written run folder.
            signals.RunEnded();
            var cluster = await host.ClusterRunAsync();
            var exitCode = await ReportAsync(start with { Settings = settings }, outcome, cluster, logging, record);
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
                if (!started && start.IsNew) folder.Discard();
            }
        }
    }

    private static async Task<int> ReportAsync(
        RunStart start, RunOutcome? outcome, ClusterRun? cluster, RunLogging logging, RunRecord record)
    {
        var folder = start.Folder;
        if (outcome is not RunCompleted completed)
        {
            var reason = outcome is RunFailed failed ? failed.Reason : "the run's coordinator or the actor system stopped before the run ended";
            throw new InfrastructureException($"run failed: {reason} (run.log and samples.ndjson in {folder.Path} hold what was recorded)");
        }

        var report = RunReportBuilder.Build(start.Settings, start.Database.Describe(),
            new RunResult(completed.Metrics, completed.Consistency, completed.Interrupted, completed.StartedAt, completed.EndedAt,
                completed.Faults)
            {
                History = start.History,
                EarlierSamples = start.EarlierSamples,
                FaultsPassed = RunTopology.FaultInjection(start.Settings, start.History).Passed,
                SimulatedClock = completed.SimulatedClock,
                Cluster = cluster,
            });
        var exitCode = ExitCodeOf(report);
        var summary = RunSummary.Render(report, exitCode);
        await record.CloseAsync(report, completed.Consistency, CancellationToken.None);
        // From here the console holds the summary, the report's paths and the verdict, and nothing after them: late
        // log lines (the actor system shutting down) go to run.log only.
        logging.CloseConsole();
        Console.Out.Write(summary);
        ReportWriter.Write(folder, report, summary);
        Log.Information("Report written to {ReportFile}", folder.ReportFile);
        Console.Out.Write(RunEnding.Render(report, exitCode,
            [("report.html", folder.HtmlFile), ("JSON", folder.ReportFile), ("summary.md", folder.MarkdownFile)]));
        Console.Out.Flush();
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
