using ContinuousOperation.Domain.Consistency;

namespace ContinuousOperation.Domain.Reporting;

/// <summary>The reconciliation as reported: each invariant with its verdict and the ids of whatever violates it, and
/// the count and digest of every journal read. <see cref="Finished"/> is false for a run that never closed (killed):
/// its drain-only invariants are then "not_applicable". <see cref="Rounds"/>: how many reconciliation rounds read the
/// journals (more than one when the run was reconciled while it went on); <see cref="TailEventsRead"/>: events the last
/// round read.</summary>
public sealed record ConsistencySection(
    bool Valid,
    long TraderEventsRead,
    long ExchangeEventsRead,
    IReadOnlyList<string> Symbols,
    IReadOnlyList<InvariantEntry> Invariants,
    bool Finished = true,
    IReadOnlyList<JournalTally>? Journals = null,
    int Rounds = 1,
    long? TailEventsRead = null)
{
    public static ConsistencySection From(ConsistencyReport report) => new(
        report.IsValid,
        report.TraderEventsRead,
        report.ExchangeEventsRead,
        report.Symbols.Select(s => s.Value).ToArray(),
        report.Invariants.Select(InvariantEntry.From).ToArray(),
        report.Drained,
        report.Journals,
        report.Rounds,
        report.LastRoundEventsRead);
}

/// <summary><see cref="State"/>: <c>holds</c>, <c>violated</c> or <c>not_applicable</c>; <see cref="Holds"/> is true
/// only for the first.</summary>
public sealed record InvariantEntry(string Name, string Description, bool Holds, string State, IReadOnlyList<ViolationEntry> Violations)
{
    public const string NotApplicable = "not_applicable";

    public static InvariantEntry From(InvariantResult result) => new(
        result.Name, result.Description, result.Holds,
        result.State switch
        {
            InvariantState.Holds => "holds",
            InvariantState.Violated => "violated",
            _ => NotApplicable,
        },
        result.Violations.Select(v => new ViolationEntry(v.Symbol.Value, v.Detail, v.Ids, v.FoundAt)).ToArray());
}

/// <summary><see cref="FoundAt"/>: when reconciliation first found it — during a run, the round that found it (so a
/// breach of hour 3 shows hour 3); for the <c>reconcile</c> verb, that check.</summary>
public sealed record ViolationEntry(string Symbol, string Detail, IReadOnlyList<string> Ids, DateTimeOffset? FoundAt = null);
