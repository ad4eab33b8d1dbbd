namespace ContinuousOperation.Domain.Monitoring;

/// <summary>When a symbol was heard (an order placed or a fill applied): first and last, and the longest silence
/// between them. It is what a window's longest silence needs besides the window, and what merging the activity of
/// several trackers needs: where the symbol was heard in time, not just how quiet it was.</summary>
public sealed record ActivitySpan(DateTimeOffset First, DateTimeOffset Last, TimeSpan LongestInnerSilence)
{
    /// <summary>The longest silence from <paramref name="from"/> to <paramref name="to"/> of a symbol heard over
    /// <paramref name="heard"/> (never heard: the whole window): the stretch before it was first heard, its inner
    /// silences and the stretch still open after it was last heard.</summary>
    public static TimeSpan LongestSilence(ActivitySpan? heard, DateTimeOffset from, DateTimeOffset to) =>
        heard is null ? Longest(to - from) : Longest(heard.First - from, heard.LongestInnerSilence, to - heard.Last);

    /// <summary>The span over which any of <paramref name="spans"/> heard the symbol (null if none did). Its inner
    /// silence is the longest of the spans' own and of the gaps between them in time order; where spans overlap the
    /// overlap is activity, so the span that ends last closes the gap. A span's inner silence is kept whole even where
    /// another span overlaps it: where in the span it lay is not known, so the merge bounds it from above.</summary>
    public static ActivitySpan? Union(IEnumerable<ActivitySpan> spans)
    {
        ActivitySpan? union = null;
        foreach (var span in spans.OrderBy(s => s.First))
        {
            union = union is null
                ? span
                : new ActivitySpan(
                    union.First,
                    span.Last > union.Last ? span.Last : union.Last,
                    Longest(union.LongestInnerSilence, span.LongestInnerSilence, span.First - union.Last));
        }

        return union;
    }

    /// <summary>The longest of <paramref name="silences"/>, and never below zero: a stretch that ends before it starts
    /// (spans that overlap, activity stamped after the window's end) is no silence.</summary>
    private static TimeSpan Longest(params ReadOnlySpan<TimeSpan> silences)
    {
        var longest = TimeSpan.Zero;
        foreach (var silence in silences)
            if (silence > longest) longest = silence;
        return longest;
    }
}
