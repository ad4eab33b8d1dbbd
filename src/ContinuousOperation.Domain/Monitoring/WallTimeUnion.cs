namespace ContinuousOperation.Domain.Monitoring;

/// <summary>
/// The length of a union of time intervals that arrive one at a time and out of order (a lag episode is reported when
/// it ends, long after others that started later). Overlaps count once. The intervals of the last
/// <see cref="Horizon"/> are held to find overlaps; older ones are dropped, so the type stays small over days and an
/// interval reaching back further than that may count a part twice.
/// </summary>
public sealed class WallTimeUnion
{
    public static readonly TimeSpan Horizon = TimeSpan.FromMinutes(10);

    /// <summary>Disjoint, in order of start.</summary>
    private readonly List<(DateTimeOffset Start, DateTimeOffset End)> recent = [];

    public TimeSpan Length { get; private set; }

    /// <summary>Adds the interval and returns how much it added to <see cref="Length"/>.</summary>
    public TimeSpan Add(DateTimeOffset start, DateTimeOffset end)
    {
        if (end <= start) return TimeSpan.Zero;

        var covered = TimeSpan.Zero;
        var (mergedStart, mergedEnd) = (start, end);
        for (var i = recent.Count - 1; i >= 0; i--)
        {
            var (s, e) = recent[i];
            if (e < start || s > end) continue;
            covered += (e < end ? e : end) - (s > start ? s : start);
            if (s < mergedStart) mergedStart = s;
            if (e > mergedEnd) mergedEnd = e;
            recent.RemoveAt(i);
        }

        var at = recent.FindIndex(r => r.Start > mergedStart);
        recent.Insert(at < 0 ? recent.Count : at, (mergedStart, mergedEnd));
        recent.RemoveAll(r => r.End < mergedEnd - Horizon);

        var added = end - start - covered;
        Length += added;
        return added;
    }
}
