using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Domain.Consistency;

/// <summary>
/// What reconciliation must find, from the run's manifest rather than from whatever the database holds: the journals of
/// every symbol of <see cref="Run"/>. <see cref="Drained"/>: the run drained before the journals are read (the end of a
/// run, or a run that closed). <see cref="Recorded"/>: the tallies written when the run closed (null while it runs, or
/// if it never closed); the journals must match them exactly.
/// </summary>
public sealed record JournalExpectation(
    RunId Run, IReadOnlyList<Symbol> Symbols, bool Drained, IReadOnlyList<JournalTally>? Recorded = null)
{
    /// <summary>A run that closed: drained, with its recorded tallies.</summary>
    public static JournalExpectation Closed(RunId run, IReadOnlyList<Symbol> symbols, IReadOnlyList<JournalTally> recorded) =>
        new(run, symbols, Drained: true, recorded);
}
