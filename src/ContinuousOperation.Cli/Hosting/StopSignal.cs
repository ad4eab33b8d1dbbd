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
    private const int Running = 0, Stopping = 1, Ended = 2;
    private int _state = Running;

    public StopSignal(IActorRef run)
    {
        _run = run;
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];
    }

    private void Handle(PosixSignalContext context)
    {
        context.Cancel = true;
        switch (Interlocked.CompareExchange(ref _state, Stopping, Running))
        {
            case Running:
                Log.Warning("{Signal} received: stopping the run (drain, reconcile, report); the report will be marked interrupted", context.Signal);
                _run.Tell(StopRun.Instance);
                break;
            case Stopping:
                Log.Warning("{Signal} received again: already stopping, waiting for drain and report to finish", context.Signal);
                break;
            default:
                Log.Warning("{Signal} received after the run ended: ignored, the report is being written", context.Signal);
                break;
        }
    }

    /// <summary>The coordinator has reported its outcome: later signals have nothing to stop and are only acknowledged
    /// (the handler stays registered so that they cannot kill the process while the report is written).</summary>
    public void RunEnded() => Interlocked.Exchange(ref _state, Ended);

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
    }
}
