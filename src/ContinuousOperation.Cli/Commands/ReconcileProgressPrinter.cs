using Akka.Actor;
using ContinuousOperation.Actors.Consistency;

namespace ContinuousOperation.Cli.Commands;

/// <summary>Prints the progress of a long read on the console of the <c>reconcile</c> verb, whose log shows only
/// warnings and errors there.</summary>
internal sealed class ReconcileProgressPrinter : ReceiveActor
{
    public ReconcileProgressPrinter() =>
        Receive<ReconciliationProgress>(progress => Console.Out.WriteLine(progress.Progress.ToString()));
}
