using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Domain.Reporting;

/// <summary>
/// The report's account of a resumed run (<c>run --resume</c>): each segment one process ran, and the gaps between
/// them (from a killed segment's last durable checkpoint to the next segment's start), counted as downtime: the
/// report's <c>uptime_hours</c> is the segments' run time, never the gaps. Absent from runs never resumed.
/// </summary>
public sealed record SegmentsSection(IReadOnlyList<SegmentEntry> Segments, IReadOnlyList<GapEntry> Gaps)
{
    public double DowntimeSeconds => Gaps.Sum(g => g.Seconds);

    /// <param name="history">The earlier, killed segments.</param>
    /// <param name="current">The segment that ran to the end, as its own checkpoint at its end.</param>
    /// <param name="passed">Faults the schedule put before the resume point (see <see cref="FaultSchedule.SplitAt"/>).</param>
    public static SegmentsSection From(RunHistory history, RunCheckpoint current, IReadOnlyList<ScheduledFault> passed)
    {
        var fired = history.Faults.Select(f => f.Id).ToHashSet();
        var notFired = passed.Where(f => !fired.Contains(f.Id))
            .Select(f => new FaultNotFired(f.Id, f.Kind.Name(), f.Target, f.At.TotalSeconds))
            .ToArray();
        var gaps = history.Gaps(current.StartedAt);
        return new SegmentsSection(
            history.Segments.Select(s => Entry(s, killed: true)).Append(Entry(current, killed: false)).ToArray(),
            // Faults never fired were due before the resume point but after the last checkpoint that recorded them:
            // they belong to the last gap.
            gaps.Select((g, i) => new GapEntry(g.From, g.To, (g.To - g.From).TotalSeconds, i == gaps.Count - 1 ? notFired : []))
                .ToArray());
    }

    private static SegmentEntry Entry(RunCheckpoint segment, bool killed) => new(
        segment.Segment, segment.StartedAt, segment.At, segment.RunTime.TotalSeconds,
        segment.SimulatedStart?.TotalSeconds, segment.SimulatedNow?.TotalSeconds, killed);
}

/// <summary>One segment: when it ran, how long, and where the market's simulated clock stood at its start and end.
/// <see cref="Killed"/>: it ended by a kill (its end is its last durable checkpoint), not by the run's end.</summary>
public sealed record SegmentEntry(
    int Segment, DateTimeOffset StartedAt, DateTimeOffset EndedAt, double RunSeconds, double? SimulatedStartSeconds,
    double? SimulatedEndSeconds, bool Killed);

/// <summary>Downtime between two segments, and the scheduled faults that fell into it and were never fired.</summary>
public sealed record GapEntry(DateTimeOffset From, DateTimeOffset To, double Seconds, IReadOnlyList<FaultNotFired> FaultsNotFired);

public sealed record FaultNotFired(int Id, string Kind, string Target, double SimulatedAtSeconds);
