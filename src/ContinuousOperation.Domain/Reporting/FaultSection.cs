using ContinuousOperation.Domain.Faults;

namespace ContinuousOperation.Domain.Reporting;

/// <summary>The report's account of injected faults: totals per kind and the timeline. Times to recover are in seconds,
/// measured from when a fault took effect.</summary>
public sealed record FaultSection(string Profile, IReadOnlyList<FaultKindTotals> Totals, IReadOnlyList<FaultTimelineEntry> Timeline)
{
    public static FaultSection From(FaultReport report) => new(
        report.Profile,
        report.Totals.Select(t => new FaultKindTotals(t.Kind.Name(), t.Injected, t.Recovered, t.NotRecovered, t.NotApplied,
            t.MedianTimeToRecover?.TotalSeconds, t.MaxTimeToRecover?.TotalSeconds)).ToArray(),
        report.Timeline.Select(FaultTimelineEntry.From).ToArray());

    public int Injected => Totals.Sum(t => t.Injected);

    public int NotRecovered => Totals.Sum(t => t.NotRecovered);
}

public sealed record FaultKindTotals(
    string Kind, int Injected, int Recovered, int NotRecovered, int NotApplied, double? MedianSecondsToRecover,
    double? MaxSecondsToRecover);

public sealed record FaultTimelineEntry(
    int Id, string Kind, string Target, double SimulatedAtSeconds, DateTimeOffset InjectedAt, DateTimeOffset? AppliedAt,
    DateTimeOffset? RecoveredAt, double? SecondsToRecover, double DeadlineSeconds, FaultOutcome Outcome)
{
    public static FaultTimelineEntry From(FaultRecord f) => new(f.Id, f.Kind.Name(), f.Target, f.SimulatedAt.TotalSeconds,
        f.InjectedAt, f.AppliedAt, f.RecoveredAt, f.TimeToRecover?.TotalSeconds, f.RecoveryDeadline.TotalSeconds, f.Outcome);
}
