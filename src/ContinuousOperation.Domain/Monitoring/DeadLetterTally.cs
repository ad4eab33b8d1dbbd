namespace ContinuousOperation.Domain.Monitoring;

/// <summary>
/// Dead letters counted by message type and summarized a burst at a time. A crash injected on purpose sends a storm of
/// them (timer ticks and requests to the actor while it restarts): one line per burst says what was lost, instead of
/// one line per message. Business messages among them are also errors of the run, reported on their own.
/// </summary>
public sealed class DeadLetterTally
{
    /// <summary>Types named in a summary line; the rest are counted as "other".</summary>
    public const int TypesNamed = 5;

    public const string Template = "{DeadLetters} dead letter(s) since the last summary ({ByType}): messages sent to actors that were stopped or restarting";

    private readonly Dictionary<string, long> _burst = [];

    /// <summary>Every dead letter of the run.</summary>
    public long Total { get; private set; }

    /// <summary>Counts one; true when it is the first of a new burst.</summary>
    public bool Record(string messageType)
    {
        Total++;
        _burst[messageType] = _burst.GetValueOrDefault(messageType) + 1;
        return _burst.Count == 1 && _burst[messageType] == 1;
    }

    /// <summary>The burst so far, most frequent type first (<c>MarketTick 11, GetTicker 1</c>), and starts a new one;
    /// null when nothing was lost since the last summary.</summary>
    public (long Count, string ByType)? TakeBurst()
    {
        if (_burst.Count == 0) return null;
        var ordered = _burst.OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).ToArray();
        var named = ordered.Take(TypesNamed).Select(t => $"{t.Key} {t.Value}");
        var others = ordered.Skip(TypesNamed).Sum(t => t.Value);
        var byType = string.Join(", ", others > 0 ? named.Append($"other {others}") : named);
        var count = ordered.Sum(t => t.Value);
        _burst.Clear();
        return (count, byType);
    }
}
