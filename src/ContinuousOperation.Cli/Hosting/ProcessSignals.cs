using System.Runtime.InteropServices;
using Akka.Actor;
using ContinuousOperation.Actors.Run;
using Serilog;

namespace ContinuousOperation.Cli.Hosting;

/// <summary>
/// Ctrl+C and SIGTERM for the whole process, registered once before the command line is parsed, so that no signal
/// finds the runtime's default (which kills the process at once and leaves a half-made run folder behind). What a
/// signal does depends on how far the process is:
/// <list type="bullet">
/// <item>before a run's coordinator exists, it cancels <see cref="Cancellation"/>: the verb stops where it is, cleans up
/// what it made, and the process ends with 130;</item>
/// <item>while a run is going, it becomes one <see cref="StopRun"/>: the run drains, reconciles and reports as usual,
/// and a second signal is only acknowledged, because killing the process mid-drain would leave exactly the
/// half-written state the soak test exists to rule out; a third ends the process at once (exit 130, no report), so
/// that a run stuck in its drain can still be stopped without SIGKILL;</item>
/// <item>once the run has its outcome, signals are ignored so that they cannot cut the report short;</item>
/// <item>for a long-lived service (a cluster node, the cluster launcher once its members are up) a signal cancels
/// <see cref="ServiceStarted"/>'s token, with no start-up grace: the service stops in its own way (a node leaves the
/// cluster), and a second signal ends the process at once.</item>
/// </list>
/// </summary>
internal sealed class ProcessSignals : IDisposable
{
    /// <summary>How long a start-up step may ignore the cancellation before the process is ended regardless: a signal
    /// always ends the process.</summary>
    private static readonly TimeSpan StartUpGrace = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource _cancellation = new();
    private readonly PosixSignalRegistration[] _registrations;
    private readonly Lock _gate = new();
    private Phase _phase = Phase.StartingUp;
    private int _signalsWhileStopping;
    private IActorRef? _run;
    private CancellationTokenSource? _service;

    private enum Phase
    {
        StartingUp,
        Running,
        Stopping,
        Ended,
        Serving,
        LeavingService,
    }

    private ProcessSignals()
    {
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];
    }

    public static ProcessSignals Register() => new();

    /// <summary>Cancelled by a signal that arrives before a run is going (and for verbs without a run).</summary>
    public CancellationToken Cancellation => _cancellation.Token;

    /// <summary>The coordinator of the run exists: from now on a signal stops the run gracefully.</summary>
    /// <exception cref="OperationCanceledException">A signal came first; the run must not start.</exception>
    public void RunStarted(IActorRef run)
    {
        lock (_gate)
        {
            _cancellation.Token.ThrowIfCancellationRequested();
            _run = run;
            _phase = Phase.Running;
        }
    }

    /// <summary>A long-lived service is up: from now on a signal cancels the returned token (and the start-up grace no
    /// longer applies), and a second one ends the process with 130.</summary>
    /// <exception cref="OperationCanceledException">A signal came first; the service must not go on.</exception>
    public CancellationToken ServiceStarted()
    {
        lock (_gate)
        {
            _cancellation.Token.ThrowIfCancellationRequested();
            _service = new CancellationTokenSource();
            _phase = Phase.Serving;
            return _service.Token;
        }
    }

    /// <summary>The coordinator has reported its outcome: later signals have nothing to stop and are only acknowledged.</summary>
    public void RunEnded()
    {
        lock (_gate) _phase = Phase.Ended;
    }

    private void Handle(PosixSignalContext context)
    {
        context.Cancel = true;
        lock (_gate)
        {
            switch (_phase)
            {
                case Phase.StartingUp:
                    if (_cancellation.IsCancellationRequested) return;
                    _cancellation.Cancel();
                    _ = EndAfterGraceAsync();
                    break;
                case Phase.Running:
                    _phase = Phase.Stopping;
                    Log.Warning("{Signal} received: stopping the run (drain, reconcile, report); the report will be marked interrupted", context.Signal);
                    _run!.Tell(StopRun.Instance);
                    break;
                case Phase.Stopping when ++_signalsWhileStopping == 1:
                    Log.Warning("{Signal} received again: already stopping, waiting for drain and report; a third signal ends the process at once", context.Signal);
                    break;
                case Phase.Stopping:
                    Log.Error("{Signal} received a third time: ending the process now, without a report (check the journal with reconcile)", context.Signal);
                    EndNow("interrupted three times: ended during the drain, without a report");
                    break;
                case Phase.Serving:
                    _phase = Phase.LeavingService;
                    Log.Warning("{Signal} received: stopping gracefully; a second signal ends the process at once", context.Signal);
                    _service!.Cancel();
                    break;
                case Phase.LeavingService:
                    EndNow("interrupted twice: ended before the graceful stop finished");
                    break;
                default:
                    Log.Warning("{Signal} received after the run ended: ignored, the report is being written", context.Signal);
                    break;
            }
        }
    }

    private static async Task EndAfterGraceAsync()
    {
        await Task.Delay(StartUpGrace);
        EndNow("interrupted; start-up did not stop in time, ending now");
    }

    private static void EndNow(string reason)
    {
        try
        {
            Log.CloseAndFlush();
        }
        finally
        {
            Console.Error.WriteLine($"continuous-operation: {reason}");
            Environment.Exit(ExitCodes.Interrupted);
        }
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _cancellation.Dispose();
        _service?.Dispose();
    }
}
