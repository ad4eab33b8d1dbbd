using ContinuousOperation.Domain.Consistency;

namespace ContinuousOperation.Actors.Consistency;

/// <summary>Asks the consistency actor to read back the journals <paramref name="Expected"/> names (and any other of
/// the same run) and reconcile them; the reply is a <c>ConsistencyReport</c>, or <see cref="ReconciliationFailed"/>
/// when the journals cannot be read.</summary>
public sealed record Reconcile(JournalExpectation Expected);

public sealed record ReconciliationFailed(string Reason);
