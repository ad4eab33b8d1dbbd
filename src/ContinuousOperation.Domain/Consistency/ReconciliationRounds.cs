using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Domain.Consistency;

/// <summary>
/// What the consistency actor keeps between reads: the <see cref="RunningReconciliation"/> of the run whose rounds it
/// reads. A round of the same run reads on from where the last one stopped; a round of another run starts afresh. The
/// closing read ends the rounds, so a later read of the run (after it is over) starts from scratch and reads everything.
/// </summary>
public sealed class ReconciliationRounds
{
    private RunningReconciliation? _running;

    /// <summary>The reconciliation a round of <paramref name="run"/> reads on.</summary>
    public RunningReconciliation ForRound(RunId run) =>
        _running is { } current && current.Run == run ? current : _running = new RunningReconciliation(run);

    /// <summary>The reconciliation the closing read of <paramref name="run"/> ends: that of its earlier rounds (only
    /// the tail is left to read), else a new one.</summary>
    public RunningReconciliation ForClose(RunId run)
    {
        var closing = ForRound(run);
        _running = null;
        return closing;
    }
}
