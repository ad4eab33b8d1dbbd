namespace ContinuousOperation.Domain.Consistency;

/// <summary>
/// A set of positive numbers (account fill sequences, trader order numbers) kept as sorted, disjoint runs. Numbers
/// are retired roughly in ascending order with a few left behind (open orders, fills still unmatched), so the runs
/// stay few: memory follows the gaps, not the count.
/// </summary>
internal sealed class RetiredNumbers
{
    private readonly List<(long From, long To)> _runs = [];

    /// <summary>Runs held: what this set costs in memory.</summary>
    public int Runs => _runs.Count;

    public bool Contains(long number)
    {
        var i = LastRunFrom(number);
        return i >= 0 && number <= _runs[i].To;
    }

    public void Add(long number)
    {
        var i = LastRunFrom(number);
        if (i >= 0 && number <= _runs[i].To)
            return;
        var joinsBelow = i >= 0 && _runs[i].To == number - 1;
        var joinsAbove = i + 1 < _runs.Count && _runs[i + 1].From == number + 1;
        if (joinsBelow && joinsAbove)
        {
            _runs[i] = (_runs[i].From, _runs[i + 1].To);
            _runs.RemoveAt(i + 1);
        }
        else if (joinsBelow)
            _runs[i] = (_runs[i].From, number);
        else if (joinsAbove)
            _runs[i + 1] = (number, _runs[i + 1].To);
        else
            _runs.Insert(i + 1, (number, number));
    }

    /// <summary>Index of the last run starting at or below <paramref name="number"/>; -1 if none.</summary>
    private int LastRunFrom(long number)
    {
        var (low, high) = (0, _runs.Count - 1);
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            if (_runs[middle].From <= number) low = middle + 1;
            else high = middle - 1;
        }
        return high;
    }
}
