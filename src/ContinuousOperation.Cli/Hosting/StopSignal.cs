using System.Runtime.InteropServices;
using Akka.Actor;
using ContinuousOperation.Actors.Run;
using Serilog;

namespace ContinuousOperation.Cli.Hosting;

/// <summary>
/// Turns Ctrl+C and SIGTERM into one <see cref="StopRun"/>: the run then drains, reconciles and reports as usual.
/// The signal's default (killing the process) is cancelled, and a second Ctrl+C is only acknowledged, because killing
/// the process mid-drain would leave exactly the half-written state the soak test exists to rule out.
/// </summary>
internal sealed class StopSignal : IDisposable
{
    private readonly IActorRef _run;
    private readonly PosixSignalRegistration[] _registrations;
    private int _signalled;

    public StopSignal(IActorRef run)
    {
        _run = run;
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];
    }

    private void Handle(PosixSignalContext context)
    {
        context.Cancel = true;
        if (Interlocked.Exchange(ref _signalled, 1) == 0)
        {
            Log.Warning("{Signal} received: stopping the run (drain, reconcile, report); the report will be marked interrupted", context.Signal);
            _run.Tell(StopRun.Instance);
        }
        else
        {
            Log.Warning("{Signal} received again: already stopping, waiting for drain and report to finish", context.Signal);
        }
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
    }
}
