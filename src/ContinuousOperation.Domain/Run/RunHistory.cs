using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Domain.Run;

/// <summary>
/// The segments a resumed run has already run, each as its last durable <see cref="RunCheckpoint"/>: how much of the
/// run's duration is left, how far the fault clock got, and the figures of the earlier segments that the report adds
/// to the last one's. A run that was never killed has none (<see cref="None"/>). What a segment did after its last
/// checkpoint (at most one checkpoint interval) is run again.
/// </summary>
public sealed class RunHistory
{
    /// <summary>A resumed run always trades a little, so that it drains, reconciles and reports like any other.</summary>
    public static readonly TimeSpan ShortestRemainder = TimeSpan.FromSeconds(1);

    public static readonly RunHistory None = new([]);

    public RunHistory(IEnumerable<RunCheckpoint> segments) => Segments = segments.OrderBy(s => s.Segment).ToArray();

    public IReadOnlyList<RunCheckpoint> Segments { get; }

    public bool IsResumed => Segments.Count > 0;

    public int NextSegment => IsResumed ? Segments[^1].Segment + 1 : 1;

    /// <summary>When the run first started: the start of its first segment.</summary>
    public DateTimeOffset? StartedAt => IsResumed ? Segments[0].StartedAt : null;

    /// <summary>Wall time the earlier segments ran: the run's uptime so far.</summary>
    public TimeSpan RunTime => Sum(s => s.RunTime);

    /// <summary>How far the fault clock got over the earlier segments, on the wall clock.</summary>
    public TimeSpan FaultClock => Sum(s => s.FaultClock);

    /// <summary>The simulated clock where the last segment's market stood (null before any resume or when unknown).</summary>
    public TimeSpan? SimulatedEnd => IsResumed ? Segments[^1].SimulatedNow : null;

    /// <summary>What is left of <paramref name="duration"/>: the earlier segments' run time is not run again.</summary>
    public TimeSpan Remaining(TimeSpan duration)
    {
        var left = duration - RunTime;
        return left > ShortestRemainder ? left : ShortestRemainder;
    }

    public IReadOnlyDictionary<TradingCounter, long> Counters =>
        Segments.SelectMany(s => s.Counters).GroupBy(c => c.Key).ToDictionary(g => g.Key, g => g.Sum(c => c.Value));

    public IReadOnlyList<ErrorSummary> Errors => Segments.SelectMany(s => s.Errors).ToArray();

    /// <summary>The earlier segments' fault timelines. A fault still in effect or recovering when its segment was killed
    /// is <see cref="FaultOutcome.Interrupted"/>: the kill, not the system, ended its recovery.</summary>
    public IReadOnlyList<FaultRecord> Faults => Segments
        .SelectMany(s => s.Faults)
        .Select(f => f.Outcome == FaultOutcome.Pending ? f with { Outcome = FaultOutcome.Interrupted } : f)
        .ToArray();

    /// <summary>The gaps between segments: from each segment's last checkpoint to the start of the next one (the last
    /// gap ends at <paramref name="resumedAt"/>, the start of the segment now running).</summary>
    public IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> Gaps(DateTimeOffset resumedAt) =>
        Segments.Select((s, i) => (s.At, i + 1 < Segments.Count ? Segments[i + 1].StartedAt : resumedAt)).ToArray();

    public TimeSpan Downtime(DateTimeOffset resumedAt) =>
        Gaps(resumedAt).Aggregate(TimeSpan.Zero, (sum, gap) => sum + (gap.To - gap.From));

    private TimeSpan Sum(Func<RunCheckpoint, TimeSpan> of) => Segments.Aggregate(TimeSpan.Zero, (sum, s) => sum + of(s));
}
