using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Run;

/// <summary>
/// A run as recorded in its journal database: written before trading starts (what must exist afterwards: the journals
/// of <see cref="Symbols"/>), closed after the end-of-run reconciliation (<see cref="Closing"/>: what the journals held
/// then). A manifest without a closing record belongs to a run that is still going, or was killed.
/// <see cref="Configuration"/> is the JSON of the settings that define the run.
/// </summary>
public sealed record RunManifest(
    RunId Run, DateTimeOffset StartedAt, int Seed, IReadOnlyList<Symbol> Symbols, string Configuration, RunClosing? Closing = null)
{
    public bool IsFinished => Closing is not null;

    /// <summary>What reconciling this run must find; a run that never closed is judged as unfinished (not drained).</summary>
    public JournalExpectation Expectation() => Closing is { } closing
        ? JournalExpectation.Closed(Run, Symbols, closing.Journals)
        : new JournalExpectation(Run, Symbols, Drained: false);

    /// <summary>The run started last (ids break a tie), or null when there is none.</summary>
    public static RunManifest? Latest(IEnumerable<RunManifest> runs) =>
        runs.OrderBy(r => r.StartedAt).ThenBy(r => r.Run.Value, StringComparer.Ordinal).LastOrDefault();
}

/// <summary>The closing record of a run: when it ended, its verdict, and every journal's count and digest as the
/// end-of-run reconciliation read them.</summary>
public sealed record RunClosing(DateTimeOffset EndedAt, string Verdict, IReadOnlyList<JournalTally> Journals);
