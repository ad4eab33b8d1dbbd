using System.CommandLine;
using Akka.Actor;
using ContinuousOperation.Actors.Consistency;
using ContinuousOperation.Cli.Database;
using ContinuousOperation.Cli.Hosting;
using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Reporting;
using ContinuousOperation.Domain.Run;
using Serilog.Events;

namespace ContinuousOperation.Cli.Commands;

/// <summary>
/// The <c>reconcile</c> verb: lists the runs recorded in a journal database and checks one (the latest, or
/// <c>--run</c>) against its manifest, without writing to the database. Exit code 0 when consistent (for a run that
/// never closed: "consistent but unfinished"), 1 when inconsistent or unverifiable (no run recorded, a journal missing
/// or not as recorded at the run's close), 2 on usage errors (including an unknown <c>--run</c>), 3 when the database
/// cannot be read.
/// </summary>
internal sealed class ReconcileCommand : Command
{
    private readonly DatabaseOptions _database = new("Journal database: SQLite path, 'Data Source=…' or a PostgreSQL 'Host=…' connection string")
    {
        Required = true,
    };

    private readonly Option<string> _run = OptionRules.Text("--run", "Id of the run to check, as listed [default: the latest run]");

    public ReconcileCommand() : base("reconcile", "Check the consistency of the runs recorded in a journal database")
    {
        _database.AddTo(this);
        _run.HelpName = "ID";
        Options.Add(_run);
        SetAction((parse, cancellationToken) =>
            ExecuteAsync(_database.Resolve(parse)!.AsReadOnly(), parse.GetValue(_run), cancellationToken));
    }

    private static async Task<int> ExecuteAsync(DatabaseTarget database, string? runText, CancellationToken cancellationToken)
    {
        using var logging = RunLogging.Start(logFile: null, consoleLevel: LogEventLevel.Warning);
        await DatabasePreparation.CheckReadableAsync(database, cancellationToken);
        var location = database.Describe().Location;
        var runs = await new RunManifestStore(database).ReadAllAsync(cancellationToken);
        if (runs.Count == 0)
            return Unverifiable($"{location} holds no recorded run (no run manifest): there is nothing to check the journals against");

        Console.Out.Write(RunList.Render(location, runs));
        var manifest = Select(runs, runText);
        Console.Out.WriteLine($"Reconciling run {manifest.Run} ({(manifest.IsFinished ? $"finished, {manifest.Closing!.Verdict}" : "unfinished: no closing record")})");

        await using var host = await ActorHost.StartAsync(database, userConfig: null, cancellationToken);
        host.System.EventStream.Subscribe(
            host.System.ActorOf(Props.Create<ReconcileProgressPrinter>(), "reconcile-progress"), typeof(ReconciliationProgress));
        var consistency = host.System.ActorOf(ConsistencyActor.Props(AkkaComposition.ReadJournalPluginId), "consistency");
        switch (await consistency.Ask<object>(new Reconcile(manifest.Expectation()), cancellationToken))
        {
            case ConsistencyReport report:
                Console.Out.Write(ConsistencySummary.Render(ConsistencySection.From(report)));
                return report.IsValid ? ExitCodes.Passed : ExitCodes.CriterionFailed;
            case ReconciliationFailed failed:
                throw new InfrastructureException($"the journal of {location} cannot be reconciled: {failed.Reason}");
            case var other:
                throw new InvalidOperationException($"Unexpected reply to Reconcile: {other}");
        }
    }

    /// <exception cref="UsageException"><paramref name="runText"/> names no recorded run.</exception>
    private static RunManifest Select(IReadOnlyList<RunManifest> runs, string? runText)
    {
        if (runText is null) return RunManifest.Latest(runs)!;
        return RunId.TryParse(runText, out var id) && runs.FirstOrDefault(r => r.Run == id) is { } named
            ? named
            : throw new UsageException($"--run {runText}: no such run in this database (see the list above)");
    }

    /// <summary>Nothing to check against is a failed check, not a usage error: exit 1 with one line.</summary>
    private static int Unverifiable(string reason)
    {
        Console.Error.WriteLine($"continuous-operation: {reason}");
        return ExitCodes.CriterionFailed;
    }
}
