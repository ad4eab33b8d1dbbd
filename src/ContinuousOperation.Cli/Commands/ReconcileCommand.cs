using System.CommandLine;
using Akka.Actor;
using ContinuousOperation.Actors.Consistency;
using ContinuousOperation.Cli.Database;
using ContinuousOperation.Cli.Hosting;
using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Reporting;
using Serilog.Events;

namespace ContinuousOperation.Cli.Commands;

/// <summary>The <c>reconcile</c> verb: the run's consistency check on an existing journal (for example after a crash).
/// Exit code 0 when every invariant holds, 1 on violations, 3 when the journal cannot be read.</summary>
internal sealed class ReconcileCommand : Command
{
    private readonly DatabaseOptions _database = new("Journal database: SQLite path, 'Data Source=…' or a PostgreSQL 'Host=…' connection string")
    {
        Required = true,
    };

    public ReconcileCommand() : base("reconcile", "Check the consistency of an existing journal database")
    {
        _database.AddTo(this);
        SetAction((parse, cancellationToken) => ExecuteAsync(_database.Resolve(parse)!, cancellationToken));
    }

    private static async Task<int> ExecuteAsync(DatabaseTarget database, CancellationToken cancellationToken)
    {
        using var logging = RunLogging.Start(logFile: null, consoleLevel: LogEventLevel.Warning);
        await DatabasePreparation.CheckReadableAsync(database, cancellationToken);
        await using var host = await ActorHost.StartAsync(database, userConfig: null, cancellationToken);

        var consistency = host.System.ActorOf(ConsistencyActor.Props(AkkaComposition.ReadJournalPluginId), "consistency");
        switch (await consistency.Ask<object>(Reconcile.Instance, cancellationToken))
        {
            case ConsistencyReport report:
                Console.Out.Write(ConsistencySummary.Render(ConsistencySection.From(report)));
                return report.IsValid ? ExitCodes.Passed : ExitCodes.CriterionFailed;
            case ReconciliationFailed failed:
                throw new InfrastructureException($"the journal of {database.Describe().Location} cannot be reconciled: {failed.Reason}");
            case var other:
                throw new InvalidOperationException($"Unexpected reply to Reconcile: {other}");
        }
    }
}
