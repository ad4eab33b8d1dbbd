using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Monitoring;

/// <summary>
/// The lag episodes of a run, as the metrics actor gathers them. A trader reports skipped decisions one wake-up at a
/// time: reports of the same part and symbol less than <see cref="MergeGap"/> apart are one episode, whether or not
/// that episode is among the <c>maxEpisodes</c> kept; later ones still count in <see cref="Totals"/>. The ledger
/// remembers where each part and symbol last lagged, so it grows with the symbols, not with the run.
/// </summary>
public sealed class PaceLedger(int maxEpisodes)
{
    public static readonly TimeSpan MergeGap = TimeSpan.FromSeconds(2);

    private readonly List<LagEpisode> episodes = [];

    /// <summary>Per part and symbol: the end of its latest episode, and where that episode is kept (−1: not kept).</summary>
    private readonly Dictionary<(PacePart, Symbol), (DateTimeOffset End, int Kept)> latest = [];

    private PaceTotals totals = PaceTotals.None;

    /// <summary>The wall time in which some part lagged: episodes of many symbols overlap, and the run lagged once
    /// during them, not once per symbol.</summary>
    private readonly WallTimeUnion lagging = new();

    public PaceTotals Totals => totals;

    public PaceRecord Record() => new(episodes.ToArray(), totals);

    /// <summary>Adds the episode; true when it is a new one rather than the continuation of one already counted.</summary>
    public bool Record(LagEpisode episode)
    {
        var key = (episode.Part, episode.Symbol);
        var continues = latest.TryGetValue(key, out var last) && episode.Start - last.End <= MergeGap;
        var kept = continues ? last.Kept : episodes.Count < maxEpisodes ? episodes.Count : -1;
        if (continues && kept >= 0) episodes[kept] = Extend(episodes[kept], episode);
        else if (!continues && kept >= 0) episodes.Add(episode);

        latest[key] = (continues && last.End > episode.End ? last.End : episode.End, kept);
        totals = totals.Add(episode, newEpisode: !continues, lagging.Add(episode.Start, episode.End));
        return !continues;
    }

    private static LagEpisode Extend(LagEpisode earlier, LagEpisode episode)
    {
        var end = episode.End > earlier.End ? episode.End : earlier.End;
        return earlier with
        {
            Duration = end - earlier.Start,
            MaxBehind = episode.MaxBehind > earlier.MaxBehind ? episode.MaxBehind : earlier.MaxBehind,
            DecisionsSkipped = earlier.DecisionsSkipped + episode.DecisionsSkipped,
            CaughtUp = episode.CaughtUp,
        };
    }
}

/// <summary>All lag episodes of a run, kept or not: how many, the wall time in which at least one part lagged, the
/// worst lag in simulated time, and the decisions skipped.</summary>
public sealed record PaceTotals(int Episodes, TimeSpan Lagging, TimeSpan MaxBehind, long DecisionsSkipped)
{
    public static readonly PaceTotals None = new(0, TimeSpan.Zero, TimeSpan.Zero, 0);

    public PaceTotals Add(LagEpisode episode, bool newEpisode, TimeSpan newlyLagging) => new(
        Episodes + (newEpisode ? 1 : 0),
        Lagging + newlyLagging,
        episode.MaxBehind > MaxBehind ? episode.MaxBehind : MaxBehind,
        DecisionsSkipped + episode.DecisionsSkipped);
}

/// <summary>What the ledger holds at a point in time: the episodes kept and the totals of all.</summary>
public sealed record PaceRecord(IReadOnlyList<LagEpisode> Episodes, PaceTotals Totals)
{
    /// <summary>The pace of a cluster run from its nodes' records: episodes and skips add up, the worst lag is the
    /// worst anywhere, the episodes kept are the earliest <paramref name="maxEpisodes"/> of all nodes. Lagging wall
    /// time is the longest of any node's: nodes lag at the same time when the machine is what holds them back, and
    /// their episodes beyond the kept ones are not there to take a union of.</summary>
    public static PaceRecord? Merge(IReadOnlyList<PaceRecord> nodes, int maxEpisodes) =>
        nodes.Count == 0 ? null : new PaceRecord(
            nodes.SelectMany(n => n.Episodes).OrderBy(e => e.Start).Take(maxEpisodes).ToArray(),
            new PaceTotals(
                nodes.Sum(n => n.Totals.Episodes),
                nodes.Max(n => n.Totals.Lagging),
                nodes.Max(n => n.Totals.MaxBehind),
                nodes.Sum(n => n.Totals.DecisionsSkipped)));
}
