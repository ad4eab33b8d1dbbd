namespace ContinuousOperation.Domain.Monitoring;

/// <summary>
/// The lag episodes of a run, as the metrics actor gathers them. A trader reports skipped decisions one wake-up at a
/// time: reports of the same part and symbol less than <see cref="MergeGap"/> apart are one episode. At most
/// <c>maxEpisodes</c> are kept; later ones still count in <see cref="Totals"/>.
/// </summary>
public sealed class PaceLedger(int maxEpisodes)
{
    public static readonly TimeSpan MergeGap = TimeSpan.FromSeconds(2);

    private readonly List<LagEpisode> episodes = [];
    private PaceTotals totals = PaceTotals.None;

    public PaceTotals Totals => totals;

    public PaceRecord Record() => new(episodes.ToArray(), totals);

    /// <summary>Adds the episode; true when it is a new one rather than the continuation of one already held.</summary>
    public bool Record(LagEpisode episode)
    {
        var index = episodes.FindLastIndex(e => e.Part == episode.Part && e.Symbol == episode.Symbol);
        if (index >= 0 && episode.Start - episodes[index].End <= MergeGap)
        {
            var earlier = episodes[index];
            var end = episode.End > earlier.End ? episode.End : earlier.End;
            episodes[index] = earlier with
            {
                Duration = end - earlier.Start,
                MaxBehind = episode.MaxBehind > earlier.MaxBehind ? episode.MaxBehind : earlier.MaxBehind,
                DecisionsSkipped = earlier.DecisionsSkipped + episode.DecisionsSkipped,
                CaughtUp = episode.CaughtUp,
            };
            totals = totals.Add(episode, newEpisode: false);
            return false;
        }

        if (episodes.Count < maxEpisodes) episodes.Add(episode);
        totals = totals.Add(episode, newEpisode: true);
        return true;
    }
}

/// <summary>All lag episodes of a run, kept or not: how many, the wall time they lasted (overlaps counted once per
/// part and symbol), the worst lag in simulated time, and the decisions skipped.</summary>
public sealed record PaceTotals(int Episodes, TimeSpan Lagging, TimeSpan MaxBehind, long DecisionsSkipped)
{
    public static readonly PaceTotals None = new(0, TimeSpan.Zero, TimeSpan.Zero, 0);

    public PaceTotals Add(LagEpisode episode, bool newEpisode) => new(
        Episodes + (newEpisode ? 1 : 0),
        Lagging + episode.Duration,
        episode.MaxBehind > MaxBehind ? episode.MaxBehind : MaxBehind,
        DecisionsSkipped + episode.DecisionsSkipped);
}

/// <summary>What the ledger holds at a point in time: the episodes kept and the totals of all.</summary>
public sealed record PaceRecord(IReadOnlyList<LagEpisode> Episodes, PaceTotals Totals);
