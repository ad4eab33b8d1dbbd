namespace ContinuousOperation.Actors.Consistency;

/// <summary>Asks the consistency actor to read every journal back and reconcile it; the reply is a
/// <c>ConsistencyReport</c>, or <see cref="ReconciliationFailed"/> when the journals cannot be read.</summary>
public sealed record Reconcile
{
    public static readonly Reconcile Instance = new();
}

public sealed record ReconciliationFailed(string Reason);
