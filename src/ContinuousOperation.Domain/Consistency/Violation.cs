using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Consistency;

/// <summary>One breach of an invariant, naming the ids involved (fill ids, order ids, journal positions, accounts).
/// <see cref="FoundAt"/>: when reconciliation first found it (<see cref="RunningReconciliation"/> stamps it: during the
/// run, the round that found it; for a check from scratch, that check).</summary>
public sealed record Violation(Invariant Invariant, Symbol Symbol, string Detail, IReadOnlyList<string> Ids)
{
    public DateTimeOffset? FoundAt { get; init; }

    /// <summary>Identifies the same breach across rounds (the record compares its ids list by reference). The one
    /// finding that names no id counts those left unlisted (<see cref="FindingLog"/>); its count grows round by round,
    /// so it is keyed by invariant and symbol alone.</summary>
    public string Key => Ids.Count == 0 ? $"{Invariant}|{Symbol.Value}" : $"{Invariant}|{Symbol.Value}|{Detail}|{string.Join(",", Ids)}";
}
