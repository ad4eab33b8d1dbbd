using ContinuousOperation.Domain.Consistency;

namespace ContinuousOperation.Domain.Reporting;

/// <summary>The reconciliation as reported: each invariant with its verdict and the ids of whatever violates it.</summary>
public sealed record ConsistencySection(
    bool Valid,
    long TraderEventsRead,
    long ExchangeEventsRead,
    IReadOnlyList<string> Symbols,
    IReadOnlyList<InvariantEntry> Invariants)
{
    public static ConsistencySection From(ConsistencyReport report) => new(
        report.IsValid,
        report.TraderEventsRead,
        report.ExchangeEventsRead,
        report.Symbols.Select(s => s.Value).ToArray(),
        report.Invariants.Select(InvariantEntry.From).ToArray());
}

public sealed record InvariantEntry(string Name, string Description, bool Holds, IReadOnlyList<ViolationEntry> Violations)
{
    public static InvariantEntry From(InvariantResult result) => new(
        result.Name, result.Description, result.Holds,
        result.Violations.Select(v => new ViolationEntry(v.Symbol.Value, v.Detail, v.Ids)).ToArray());
}

public sealed record ViolationEntry(string Symbol, string Detail, IReadOnlyList<string> Ids);
