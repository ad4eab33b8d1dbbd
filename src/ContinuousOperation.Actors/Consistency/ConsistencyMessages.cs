using ContinuousOperation.Domain.Consistency;

namespace ContinuousOperation.Actors.Consistency;

/// <summary>Asks the consistency actor to read back the journals <paramref name="Expected"/> names (and any other of
/// the same run) and reconcile them with every rule; the reply is a <c>ConsistencyReport</c>, or
/// <see cref="ReconciliationFailed"/> when the journals cannot be read. After rounds of the same run
/// (<see cref="ReconcileRound"/>) only the tail is read; otherwise everything, from scratch.</summary>
public sealed record Reconcile(JournalExpectation Expected);

public sealed record ReconciliationFailed(string Reason);

/// <summary>One intermediate round of continuous reconciliation while the run goes on: read on from where the last
/// round stopped up to a consistent cut, and report each breach found for the first time to the metrics actor
/// (critical consistency error), then reply <see cref="RoundReconciled"/> (or <see cref="ReconciliationFailed"/>). A
/// round asked for while one is still reading is skipped, without reply.</summary>
public sealed record ReconcileRound(JournalExpectation Expected);

/// <summary>A round is over: what it found for the first time (already reported to metrics) and how many events it read.</summary>
public sealed record RoundReconciled(IReadOnlyList<Violation> NewViolations, long EventsRead);

/// <summary>Published on the event stream every few seconds while journals are read, for a console to show.</summary>
public sealed record ReconciliationProgress(ReadProgress Progress);
